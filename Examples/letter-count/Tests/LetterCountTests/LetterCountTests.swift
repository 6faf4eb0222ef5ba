import Foundation
import LetterCount
import MapReduce
import MiniprocTesting
import Testing

@Suite struct LetterCountTests {
    @Test func countsWordsByFirstLetterOnAMiniprocCluster() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path("in"), withIntermediateDirectories: true)
        try Data("apple avocado Banana\ncherry apricot\n".utf8).write(to: URL(fileURLWithPath: scratch.path("in/a.txt")))

        try await withTestCluster(profile: "small") { test in
            let job = try await test.run(program: LetterCount.self, arguments: [scratch.path("in"), scratch.path("out")])
            #expect(job.state == .done)
        }
        let output = try String(contentsOfFile: scratch.path("out/part-r-00000"), encoding: .utf8)
        #expect(output == "a\t3\nb\t1\nc\t1\n")
    }

    @Test func theStreamingMapperPrintsKeyTabValueLines() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Data("Zebra yak\n".utf8).write(to: URL(fileURLWithPath: scratch.path("in.txt")))
        let input = open(scratch.path("in.txt"), O_RDONLY)
        let output = open(scratch.path("out.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try StreamingProgram.run(LetterCount.self, .map, input: input, output: output)
        close(input)
        close(output)
        #expect(try String(contentsOfFile: scratch.path("out.txt"), encoding: .utf8) == "z\t1\ny\t1\n")
    }
}
