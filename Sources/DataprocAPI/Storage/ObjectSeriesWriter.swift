import Foundation
import Logging
import Synchronization

/// Writes a job's driver output as the object series gcloud streams:
/// `BASE.000000000`, `BASE.000000001`, …, each appended to until it reaches
/// `objectLimitBytes`, and closed by an empty object once the job has ended.
///
/// Objects only grow; a new object appears with its first bytes already in it
/// (written aside, then renamed), because an empty object means "the end".
/// Lines are written from the threads that run a job's tasks. A line that
/// cannot be written is logged (with the logger's metadata, e.g. `job.id`) and dropped.
final class ObjectSeriesWriter: Sendable {
    /// When the current object is this large, the next line starts a new one.
    static let objectLimitBytes = 1 << 20

    private struct State {
        var index = 0
        var size = 0
        var started = false
        var closed = false
    }

    private let base: String
    private let logger: Logger
    private let state = Mutex(State())

    /// A writer of the series whose objects are the files `base.NNNNNNNNN`, logging failures to `logger`.
    init(basePath: String, logger: Logger) {
        self.base = basePath
        self.logger = logger
    }

    /// The file of object `index`.
    static func objectPath(base: String, index: Int) -> String {
        let digits = String(index)
        return base + "." + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
    }

    /// Appends `line` and a newline.
    func append(_ line: String) {
        let bytes = Data((line + "\n").utf8)
        state.withLock { state in
            guard !state.closed else { return }
            if state.started, state.size + bytes.count > Self.objectLimitBytes, state.size > 0 {
                state.index += 1
                state.size = 0
                state.started = false
            }
            let file = Self.objectPath(base: base, index: state.index)
            if !state.started {
                Self.create(file, with: bytes, logger: logger)
                state.started = true
            } else {
                Self.append(bytes, to: file, logger: logger)
            }
            state.size += bytes.count
        }
    }

    /// Ends the series with an empty object; later lines are dropped.
    func close() {
        state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            let next = state.started ? state.index + 1 : state.index
            Self.create(Self.objectPath(base: base, index: next), with: Data(), logger: logger)
        }
    }

    /// Closes a series left open by a process that stopped: adds the empty
    /// object after the last one unless the last one already is empty.
    static func closeIfOpen(basePath: String, logger: Logger) {
        var index = 0
        while FileManager.default.fileExists(atPath: objectPath(base: basePath, index: index)) { index += 1 }
        if index > 0 {
            let last = objectPath(base: basePath, index: index - 1)
            do {
                let size = try FileManager.default.attributesOfItem(atPath: last)[.size] as? NSNumber
                if size?.intValue == 0 { return }
            } catch {
                // Closing it again is harmless: an empty object after an empty one is still the end.
                logger.warning("could not read the size of a driver output object", metadata: ["path": "\(last)", "error": "\(error)"])
            }
        }
        create(objectPath(base: basePath, index: index), with: Data(), logger: logger)
    }

    /// Writes `file` with `bytes` in one step: aside, then renamed into place.
    private static func create(_ file: String, with bytes: Data, logger: Logger) {
        let directory = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            logger.error("could not create the folder of driver output", metadata: ["path": "\(directory)", "error": "\(error)"])
            return
        }
        let aside = directory + "/.writing-" + UUID().uuidString
        guard FileManager.default.createFile(atPath: aside, contents: bytes) else {
            logger.error("could not write driver output", metadata: ["path": "\(aside)"])
            return
        }
        if rename(aside, file) != 0 {
            logger.error("could not move driver output into place", metadata: ["path": "\(file)", "errno": "\(errno)"])
        }
    }

    /// Appends `bytes` to the existing `file`.
    private static func append(_ bytes: Data, to file: String, logger: Logger) {
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            defer {
                do { try handle.close() } catch {
                    logger.error("could not close driver output", metadata: ["path": "\(file)", "error": "\(error)"])
                }
            }
            try handle.seekToEnd()
            try handle.write(contentsOf: bytes)
        } catch {
            logger.error("could not append to driver output", metadata: ["path": "\(file)", "error": "\(error)"])
        }
    }
}
