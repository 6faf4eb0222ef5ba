import Foundation
import MapReduce

/// The files and archives a streaming job ships (`-files`, `-file`,
/// `-archives`, the API's `fileUris` and `archiveUris`), staged once per job:
/// files copied and made executable, archives unpacked, each under the name
/// tasks see it by (`path#name`, else the file's own name). Every task
/// directory links to them.
struct FileCache {
    /// The staging directory; removed with `remove()`.
    let directory: String
    /// Staged path by the name tasks see.
    private(set) var entries: [String: String] = [:]

    /// Stages `files` and `archives` under a new directory in `parent`.
    ///
    /// - Throws: `StreamJobError` naming the first file that is missing or cannot be staged; nothing stays behind.
    static func stage(files: [String], archives: [String], in parent: String) throws(StreamJobError) -> FileCache {
        var cache = FileCache(directory: parent + "/miniproc-streaming-\(UUID().uuidString.prefix(12))")
        do {
            try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
            for file in files { try cache.add(file, archive: false) }
            for archive in archives { try cache.add(archive, archive: true) }
        } catch {
            cache.remove()
            if let error = error as? StreamJobError { throw error }
            throw StreamJobError(exitCode: 1, message: "could not stage the job's files in \(cache.directory): \(error)")
        }
        return cache
    }

    private mutating func add(_ uri: String, archive: Bool) throws {
        let option = archive ? "-archives" : "-files"
        let parts = uri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let path = LocalPath.resolve(parts[0])
        let name = parts.count == 2 ? parts[1] : (path as NSString).lastPathComponent
        guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
            throw StreamJobError(exitCode: 1, message: "\(option) \(uri): the link name '\(name)' must be a plain file name")
        }
        guard entries[name] == nil else {
            throw StreamJobError(exitCode: 1, message: "\(option) \(uri): a shipped file is already linked as '\(name)'; "
                + "give one of them another name with #name")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StreamJobError(exitCode: 1, message: "\(option): File file:\(path) does not exist (from '\(uri)'); "
                + "ship files that exist, as paths, file:// URIs or gs:// URIs")
        }
        let target = directory + "/" + (archive ? "archives" : "files") + "/" + name
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if archive {
            try Self.unpack(path, into: target, uri: uri)
        } else {
            try FileManager.default.copyItem(atPath: path, toPath: target)
            if !isDirectory.boolValue {
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target)
            }
        }
        entries[name] = target
    }

    /// Unpacks a zip, jar, tar, tar.gz or tgz archive with the system's `unzip` or `tar`.
    private static func unpack(_ path: String, into target: String, uri: String) throws {
        let lower = path.lowercased()
        let arguments: [String]
        if lower.hasSuffix(".zip") || lower.hasSuffix(".jar") {
            arguments = ["unzip", "-q", path, "-d", target]
        } else if lower.hasSuffix(".tar") || lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") {
            arguments = ["tar", "-xf", path, "-C", target]
        } else {
            throw StreamJobError(exitCode: 1, message: "-archives \(uri): cannot unpack \(path); archives must end in "
                + ".zip, .jar, .tar, .tar.gz or .tgz")
        }
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let command = try StreamCommand(arguments[0], role: "archive")
        let executable = try command.executable(
            in: target, searchPath: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", role: "archive"
        )
        let process = try PipedProcess(
            executable: executable, arguments: arguments, environment: ["PATH=/usr/bin:/bin", "LC_ALL=C"], directory: target
        )
        var messages: [String] = []
        let code = try process.finish(cancellation: {}) { _, line in
            if messages.count < 10 { messages.append(String(decoding: line, as: UTF8.self)) }
        }
        guard code == 0 else {
            throw StreamJobError(exitCode: 1, message: "-archives \(uri): \(arguments[0]) could not unpack \(path) (exit code \(code))"
                + (messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")))
        }
    }

    /// Removes the staging directory.
    func remove() {
        guard FileManager.default.fileExists(atPath: directory) else { return }
        // Staged copies only, under a directory of our own; a leftover never affects a later job.
        try? FileManager.default.removeItem(atPath: directory)
    }
}
