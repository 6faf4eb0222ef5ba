import ArgumentParser
import Foundation
import MiniprocTesting
import Testing

@Suite struct RunCommandTests {
    @Test func wordCountOfAGeneratedCorpusWritesItsPartFilesAndSuccessAndPrintsTheCounters() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 3, lines: 50)
        let output = scratch.path("out")

        let result = await CommandResult.miniproc("run", "wordcount", scratch.path("in"), output)

        #expect(result.exitCode == .success)
        #expect(try WordCorpus.outputLines(output) == corpus.expectedLines)
        #expect(FileManager.default.fileExists(atPath: output + "/_SUCCESS"))
        #expect(result.output.contains("Map input records=150\n"))
        #expect(result.output.contains("Reduce output records=\(corpus.expectedLines.count)\n"))
        #expect(result.output.contains("Node summary:\n"))
        #expect(result.error == "")
    }

    @Test func anExistingOutputDirectoryFailsTheRunAndIsLeftAsFound() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.corpus(files: 1, lines: 10)
        let output = scratch.path("out")
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("kept\n".utf8).write(to: URL(fileURLWithPath: output + "/earlier.txt"))

        let result = await CommandResult.miniproc("run", "wordcount", scratch.path("in"), output)

        #expect(result.exitCode == .failure)
        #expect(result.error.hasPrefix("error: Job "))
        #expect(result.error.contains("Output directory file:\(output) already exists; remove it or choose another output path"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == ["earlier.txt"])
        #expect(try String(contentsOfFile: output + "/earlier.txt", encoding: .utf8) == "kept\n")
    }

    @Test func aProgramThatRejectsItsArgumentsExitsWithTwoAndItsUsage() async {
        let result = await CommandResult.miniproc("run", "wordcount", "only-an-input")
        #expect(result.exitCode == ExitCode(2))
        #expect(result.error == "wordcount needs at least one input and an output\nUsage: wordcount <in> [<in>...] <out>\n")
    }

    @Test(arguments: [
        (["run", "-D", "mapreduce.job.reduces", "wordcount", "in", "out"], "mapreduce.job.reduces"),
        (["run", "-D", "=4", "wordcount", "in", "out"], "=4"),
        (["run", "wordcount", "-D", "nokey", "in", "out"], "nokey"),
        (["run", "wordcount", "in", "out", "-Dnokey"], "nokey"),
    ])
    func aPropertyThatIsNotKeyEqualsValueIsRejectedBeforeAnyClusterIsCreated(arguments: [String], text: String) async {
        let result = await CommandResult.miniproc(arguments)
        #expect(result.exitCode == .validationFailure)
        #expect(result.firstErrorLine == "Error: -D takes key=value (e.g. -D mapreduce.job.reduces=4), got '\(text)'")
        #expect(result.error.contains("Usage: miniproc run"))
        #expect(result.output == "")
    }

    @Test func anUnknownProgramIsRejectedWithTheListOfPrograms() async {
        let result = await CommandResult.miniproc("run", "wordcont", "in", "out")
        #expect(result.exitCode == .validationFailure)
        #expect(result.error.hasPrefix("""
            Error: Unknown program 'wordcont' chosen.
            Valid program names are:
              wordcount         A map/reduce program that counts the words in the input files.
            """))
        #expect(result.output == "")
    }

    @Test func anUnknownProfileIsRejectedWithTheProfilesToChooseFrom() async {
        let result = await CommandResult.miniproc("run", "--profile", "no-such-profile", "wordcount", "in", "out")
        #expect(result.exitCode == .validationFailure)
        #expect(result.firstErrorLine.hasPrefix("Error: --profile no-such-profile: "))
        #expect(result.firstErrorLine.contains("no profile named 'no-such-profile'"))
        #expect(result.firstErrorLine.contains("Fix: use one of "))
        #expect(result.output == "")
    }
}
