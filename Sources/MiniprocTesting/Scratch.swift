import Foundation

/// A fresh temporary directory for one test, with a seeded word corpus in it;
/// `remove()` it when the test ends (`defer { scratch.remove() }`).
public struct Scratch: Sendable {
    /// The directory.
    public let root: String

    /// Creates a new, empty directory.
    public init() throws {
        root = NSTemporaryDirectory() + "miniproc-tests-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// `relative` inside the directory.
    public func path(_ relative: String) -> String { root + "/" + relative }

    /// `files` seeded input files of `lines` lines under `in/` (one map task each),
    /// with the sequential word count to compare against.
    public func corpus(files: Int = 4, lines: Int = 400) throws -> WordCorpus {
        try WordCorpus(directory: path("in"), fileCount: files, linesPerFile: lines)
    }

    /// Deletes the directory and everything in it. A directory that stays
    /// behind is reported on the error stream, naming it, and fails no test:
    /// the test's own checks have run by then.
    public func remove() {
        guard FileManager.default.fileExists(atPath: root) else { return }
        do {
            try FileManager.default.removeItem(atPath: root)
        } catch {
            FileHandle.standardError.write(Data("warning: test scratch \(root) left behind: \(error)\n".utf8))
        }
    }
}
