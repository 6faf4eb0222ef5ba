import Foundation
import Jobs
import MapReduce
import Testing

@Suite("A job of the library as a streaming program: miniproc stream map|combine|reduce")
struct StreamingProgramTests {
    /// Runs `function` of word count from the file `input` into the file `output`.
    func stream(_ function: StreamingProgram.Function, _ input: String, _ output: String) throws {
        let inFD = open(input, O_RDONLY)
        let outFD = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(inFD); close(outFD) }
        try StreamingProgram.run(WordCount.self, function, input: inFD, output: outFD)
    }

    /// `path`'s lines sorted as `LC_ALL=C sort` sorts them.
    func sortedLines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    @Test("map, sort, combine, sort, reduce gives the native job's output")
    func pipelineMatchesNativeJob() async throws {
        try await withTemporaryDirectory { directory in
            let text = corpus(lines: 3000, seed: 5)
            try write(text, to: directory + "/in.txt")
            try stream(.map, directory + "/in.txt", directory + "/mapped.txt")
            #expect(try String(contentsOfFile: directory + "/mapped.txt", encoding: .utf8).hasPrefix(
                text.split(separator: " ", maxSplits: 1)[0] + "\t1\n"))
            try write(try sortedLines(directory + "/mapped.txt").joined(separator: "\n") + "\n", to: directory + "/sorted.txt")
            try stream(.combine, directory + "/sorted.txt", directory + "/combined.txt")
            try stream(.reduce, directory + "/combined.txt", directory + "/reduced.txt")

            let launcher = LocalTaskLauncher(parallelism: 2, scratchDirectory: directory + "/scratch")
            defer { try? launcher.cleanUp() }
            _ = try await WordCount.run(arguments: [directory + "/in.txt", directory + "/native"], configuration: JobConfiguration(),
                                        submitter: RunnerSubmitter(runner: JobRunner(launcher: launcher)))
            let native = try String(contentsOfFile: directory + "/native/part-r-00000", encoding: .utf8)
            #expect(try String(contentsOfFile: directory + "/reduced.txt", encoding: .utf8) == native)
        }
    }

    @Test("a line the reducer cannot read fails with its line number")
    func badLineFails() async throws {
        try await withTemporaryDirectory { directory in
            try write("alpha\t1\nbeta\tmany\n", to: directory + "/in.txt")
            #expect {
                try stream(.reduce, directory + "/in.txt", directory + "/out.txt")
            } throws: { error in
                "\(error)".contains("line 2") && "\(error)".contains("'many'")
            }
        }
    }
}
