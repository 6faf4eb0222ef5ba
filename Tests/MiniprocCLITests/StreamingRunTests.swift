import ArgumentParser
import Foundation
import MiniprocTesting
import Testing

@Suite struct StreamingRunTests {
    /// The repository's `Examples/streaming`, as the README's command names it.
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/streaming").path

    @Test func theReadmesPythonWordCountRunsAsAStreamingJobOnAnEmbeddedCluster() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 3, lines: 50)
        let output = scratch.path("out")

        let result = await CommandResult.miniproc(
            "run", "streaming", "-D", "mapreduce.job.reduces=2",
            "-files", "\(Self.examples)/mapper.py,\(Self.examples)/reducer.py",
            "-input", scratch.path("in"), "-output", output, "-mapper", "mapper.py", "-reducer", "reducer.py")

        #expect(result.exitCode == .success, "\(result.error)")
        let names = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        #expect(names == ["_SUCCESS", "part-00000", "part-00001"])
        var lines: [String] = []
        for name in names where name.hasPrefix("part-") {
            lines += try String(contentsOfFile: output + "/" + name, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        #expect(lines.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } == corpus.expectedLines)
        #expect(result.output.contains("Map input records=150\n"))
        #expect(result.output.contains("INFO streaming.StreamJob: Output directory: \(output)"))
    }

    @Test(arguments: [
        (["-output", "OUT"], Int32(1), "Required argument: -input <name>"),
        (["-input", "IN", "-output", "OUT", "-mapper", "no-such-program-x"], Int32(1), "Cannot run program \"no-such-program-x\""),
        (["-input", "MISSING", "-output", "OUT", "-mapper", "cat"], Int32(2), "Error launching job , bad input path"),
        (["-input", "IN", "-output", "EXISTING", "-mapper", "cat"], Int32(4), "Error launching job , Output path already exists"),
    ])
    func streamingExitsWithHadoopsCodesAndMessages(arguments: [String], code: Int32, message: String) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.corpus(files: 1, lines: 5)
        try FileManager.default.createDirectory(atPath: scratch.path("existing"), withIntermediateDirectories: true)
        let resolved = arguments.map { argument in
            switch argument {
            case "IN": scratch.path("in")
            case "OUT": scratch.path("out")
            case "MISSING": scratch.path("missing")
            case "EXISTING": scratch.path("existing")
            default: argument
            }
        }
        let result = await CommandResult.miniproc(["run", "streaming"] + resolved)
        #expect(result.exitCode == ExitCode(code), "\(result.error)")
        #expect(result.error.contains(message), "\(result.error)")
        #expect(result.error.hasSuffix("Streaming Command Failed!\n"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("existing")).isEmpty)
    }
}

@Suite struct StreamFilterCommandTests {
    /// The `miniproc` executable built beside the test bundle.
    static var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("miniproc").path
    }

    @Test func wordCountRunsUnchangedAsTheMapperAndReducerOfAStreamingJob() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 2, lines: 40)
        let executable = Self.executable
        #expect(FileManager.default.isExecutableFile(atPath: executable), "build the miniproc product first (swift build)")

        let output = scratch.path("out")
        let result = await CommandResult.miniproc(
            "run", "streaming", "-D", "mapreduce.job.reduces=2", "-input", scratch.path("in"), "-output", output,
            "-mapper", "\(executable) stream map wordcount", "-combiner", "\(executable) stream combine wordcount",
            "-reducer", "\(executable) stream reduce wordcount")
        #expect(result.exitCode == .success, "\(result.error)")
        var lines: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: output) where name.hasPrefix("part-") {
            lines += try String(contentsOfFile: output + "/" + name, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        #expect(lines.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } == corpus.expectedLines)
    }

    @Test func aProgramThatCannotStreamIsRefusedNamingThoseThatCan() async {
        let result = await CommandResult.miniproc("stream", "map", "terasort")
        #expect(result.exitCode == .validationFailure)
        #expect(result.error.contains("'terasort' cannot run as a streaming program; these can: wordcount"))
    }
}
