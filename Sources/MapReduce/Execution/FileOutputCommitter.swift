import Foundation

/// Commits job output the way Hadoop's `FileOutputCommitter` does: attempts
/// write under `OUT/_temporary/<attempt>`; a task commit renames its attempt
/// directory (the first attempt to commit wins); the job commit moves every
/// committed file into `OUT` and then writes `_SUCCESS`. An aborted job removes
/// `OUT`, which did not exist before the job, so the location is left as found.
struct FileOutputCommitter: Sendable {
    let outputPath: String

    var temporaryPath: String { outputPath + "/_temporary" }
    private var committedPath: String { temporaryPath + "/committed" }

    /// Fails if the output exists, as Hadoop's `checkOutputSpecs` does.
    func checkOutputSpecs() throws {
        if FileManager.default.fileExists(atPath: outputPath) {
            throw OutputError("Output directory file:\(outputPath) already exists; remove it or choose another output path")
        }
        let parent = (outputPath as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputError("Output directory file:\(outputPath) cannot be created: file:\(parent) is a file")
        }
    }

    func setupJob() throws {
        try FileManager.default.createDirectory(atPath: committedPath, withIntermediateDirectories: true)
    }

    func attemptPath(_ attempt: TaskAttemptID) -> String { "\(temporaryPath)/\(attempt)" }

    func setupTask(_ attempt: TaskAttemptID) throws -> String {
        let path = attemptPath(attempt)
        // An earlier attempt's leftovers; a first attempt finds nothing.
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Moves the attempt's files into the committed area; a second commit of the same task is discarded.
    func commitTask(_ attempt: TaskAttemptID) throws {
        let target = "\(committedPath)/\(attempt.taskName)"
        if FileManager.default.fileExists(atPath: target) {
            abortTask(attempt)
            return
        }
        try FileManager.default.moveItem(atPath: attemptPath(attempt), toPath: target)
    }

    func abortTask(_ attempt: TaskAttemptID) {
        let path = attemptPath(attempt)
        guard FileManager.default.fileExists(atPath: path) else { return }
        // Whatever this leaves is under `_temporary`, which `commitJob` and
        // `abortJob` remove and report on, and no committed output reads it.
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Publishes every committed file, then `_SUCCESS`, then removes `_temporary`.
    func commitJob() throws {
        let manager = FileManager.default
        for task in try manager.contentsOfDirectory(atPath: committedPath).sorted() {
            let taskPath = "\(committedPath)/\(task)"
            for file in try manager.contentsOfDirectory(atPath: taskPath).sorted() {
                try manager.moveItem(atPath: "\(taskPath)/\(file)", toPath: "\(outputPath)/\(file)")
            }
        }
        try manager.removeItem(atPath: temporaryPath)
        guard manager.createFile(atPath: outputPath + "/_SUCCESS", contents: Data()) else {
            throw OutputError("cannot create file:\(outputPath)/_SUCCESS")
        }
    }

    /// Removes the output directory this job created, if it got that far.
    ///
    /// - Throws: The file system's error when the directory stays behind.
    func abortJob() throws {
        guard FileManager.default.fileExists(atPath: outputPath) else { return }
        try FileManager.default.removeItem(atPath: outputPath)
    }
}

/// A problem with the job's output location.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
