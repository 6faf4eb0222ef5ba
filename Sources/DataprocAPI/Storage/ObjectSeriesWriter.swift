import Foundation
import Synchronization

/// Writes a job's driver output as the object series gcloud streams:
/// `BASE.000000000`, `BASE.000000001`, …, each appended to until it reaches
/// `objectLimitBytes`, and closed by an empty object once the job has ended.
///
/// Objects only grow; a new object appears with its first bytes already in it
/// (written aside, then renamed), because an empty object means "the end".
/// Lines are written from the threads that run a job's tasks.
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
    private let state = Mutex(State())

    /// A writer of the series whose objects are the files `base.NNNNNNNNN`.
    init(basePath: String) {
        self.base = basePath
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
                Self.create(file, with: bytes)
                state.started = true
            } else if let handle = FileHandle(forWritingAtPath: file) {
                handle.seekToEndOfFile()
                handle.write(bytes)
                try? handle.close()
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
            Self.create(Self.objectPath(base: base, index: next), with: Data())
        }
    }

    /// Closes a series left open by a process that stopped: adds the empty
    /// object after the last one unless the last one already is empty.
    static func closeIfOpen(basePath: String) {
        var index = 0
        while FileManager.default.fileExists(atPath: objectPath(base: basePath, index: index)) { index += 1 }
        if index > 0, let size = (try? FileManager.default.attributesOfItem(atPath: objectPath(base: basePath, index: index - 1)))?[.size] as? NSNumber,
           size.intValue == 0 {
            return
        }
        create(objectPath(base: basePath, index: index), with: Data())
    }

    private static func create(_ file: String, with bytes: Data) {
        let directory = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let aside = directory + "/.writing-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: aside, contents: bytes)
        _ = rename(aside, file)
    }
}
