import Foundation
import MapReduce
import Testing

/// Which files a job reads: directories recursively, hidden names skipped, globs
/// expanded, and Hadoop's messages for inputs that are not there.
@Suite struct InputPathTests {
    private func layout(_ directory: String) throws {
        for path in ["in/a.txt", "in/b/c.txt", "in/b/d/e.txt", "in/_SUCCESS", "in/.crc", "in/_logs/x.txt",
                     "in/.hidden/y.txt", "in/b/_tmp.txt", "in/b/.swp", "in/z.log"] {
            try writeFile("\(directory)/\(path)", path)
        }
    }

    private func names(_ files: [InputPaths.File], under directory: String) -> [String] {
        files.map { String($0.path.dropFirst(directory.count + 1)) }
    }

    @Test("a directory is read recursively, skipping names that start with _ or .")
    func directoriesAreReadRecursivelyWithoutHiddenNames() async throws {
        try await withTemporaryDirectory { directory in
            try layout(directory)
            let files = try InputPaths.expand([directory + "/in"])
            #expect(names(files, under: directory) == ["in/a.txt", "in/b/c.txt", "in/b/d/e.txt", "in/z.log"])
            #expect(files.allSatisfy { $0.root == directory + "/in" })
            #expect(files.map(\.size) == ["in/a.txt", "in/b/c.txt", "in/b/d/e.txt", "in/z.log"].map { Int64($0.utf8.count) })
        }
    }

    @Test("globs expand to their matches, sorted, skipping hidden names", arguments: [
        ("in/*.txt", ["in/a.txt"]),
        ("in/*", ["in/a.txt", "in/b/c.txt", "in/b/d/e.txt", "in/z.log"]),
        ("in/b/*", ["in/b/c.txt", "in/b/d/e.txt"]),
        ("in/{a.txt,z.log}", ["in/a.txt", "in/z.log"]),
        ("in/?.log", ["in/z.log"]),
    ])
    func globsExpand(pattern: String, expected: [String]) async throws {
        try await withTemporaryDirectory { directory in
            try layout(directory)
            #expect(names(try InputPaths.expand(["\(directory)/\(pattern)"]), under: directory) == expected)
        }
    }

    @Test("a file named twice is read once; file: URIs are accepted")
    func duplicatesAreReadOnce() async throws {
        try await withTemporaryDirectory { directory in
            try layout(directory)
            let files = try InputPaths.expand(["file://\(directory)/in/a.txt", directory + "/in/a.txt", "file:\(directory)/in/z.log"])
            #expect(names(files, under: directory) == ["in/a.txt", "in/z.log"])
        }
    }

    @Test("a missing input fails the job with Hadoop's message before any output exists")
    func missingInputFailsWithHadoopMessage() async throws {
        try await withTemporaryDirectory { directory in
            let counter = AttemptCounter()
            let job = MapReduceJob(
                name: "missing",
                input: TextInputFormat(paths: [directory + "/nope"]),
                mapper: { FlakyMapper(IdentityMapper(), counter: counter, failures: [:]) },
                output: OutputSpec(path: directory + "/out")
            )
            let failure = try #require(await jobFailure { try await runJob(job, in: directory) })
            #expect(failure.message == "Input path does not exist: file:\(directory)/nope")
            #expect(failure.task == nil)
            #expect(counter.total == 0)
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }

    @Test("a glob that matches nothing fails with Hadoop's message")
    func emptyGlobFails() async throws {
        try await withTemporaryDirectory { directory in
            #expect(throws: InputError.self) { try InputPaths.expand([directory + "/*.none"]) }
            do {
                _ = try InputPaths.expand([directory + "/*.none"])
            } catch let error as InputError {
                #expect(error.message == "Input Pattern file:\(directory)/*.none matches 0 files")
            }
        }
    }

    @Test("a job over a directory tree reads exactly the visible files")
    func jobReadsVisibleFilesOnly() async throws {
        try await withTemporaryDirectory { directory in
            try layout(directory)
            let job = MapReduceJob(
                name: "tree",
                configuration: JobConfiguration([ConfigKey.reduces: "0"]),
                input: TextInputFormat(paths: [directory + "/in"]),
                mapper: { LineLocatingMapper() },
                output: OutputSpec(path: directory + "/out")
            )
            _ = try await runJob(job, in: directory)
            let expected = ["a.txt", "b/c.txt", "b/d/e.txt", "z.log"].map { TextLines.line(bytes("\($0):0"), bytes("in/\($0)")) }
            #expect(try JobOutput(path: directory + "/out").allLinesSorted == sortedBytes(expected))
        }
    }
}
