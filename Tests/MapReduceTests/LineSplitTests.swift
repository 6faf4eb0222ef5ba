import Foundation
import MapReduce
import Testing

/// Text input through whole jobs: every line read once, with its byte offset,
/// by the split it starts in, whatever the split size.
@Suite struct LineSplitTests {
    /// Writes the corpus under `directory/in` and returns every expected
    /// `path:offset<TAB>line` output line, with the corpus itself.
    private func writeCorpus(_ directory: String) throws -> (expected: [[UInt8]], files: [String: [UInt8]]) {
        var expected: [[UInt8]] = []
        var files: [String: [UInt8]] = [:]
        for (name, contents) in LineCorpus.files() {
            try writeFile("\(directory)/in/\(name)", contents)
            files[name] = contents
            for line in LineOracle.lines(contents) {
                expected.append(TextLines.line(bytes("\(name):\(line.offset)"), line.bytes))
            }
        }
        return (sortedBytes(expected), files)
    }

    private func lineJob(_ directory: String, reduces: Int, properties: [String: String]) -> MapReduceJob {
        MapReduceJob(
            name: "lines",
            configuration: JobConfiguration(properties.merging([ConfigKey.reduces: String(reduces), ConfigKey.sortMB: "1"]) { a, _ in a }),
            input: TextInputFormat(paths: [directory + "/in"]),
            mapper: { LineLocatingMapper() },
            output: OutputSpec(path: directory + "/out")
        )
    }

    @Test("map-only: every line is read exactly once, with its offset, by the split it starts in",
          arguments: [1, 2, 3, 4, 5, 7, 8, 13, 16, 64])
    func mapOnlyReadsEveryLineOnceBySplitWhereItStarts(splitMaxSize: Int) async throws {
        try await withTemporaryDirectory { directory in
            let (expected, files) = try writeCorpus(directory)
            let properties = [ConfigKey.splitMaxSize: String(splitMaxSize)]
            let job = lineJob(directory, reduces: 0, properties: properties)
            let splits = try job.input.splits(configuration: job.configuration)
            _ = try await runJob(job, in: directory)

            let output = try JobOutput(path: directory + "/out")
            #expect(output.allLinesSorted == expected)
            // Each part holds exactly the lines that start in its split.
            #expect(output.partNames == splits.indices.map { partName("m", $0) })
            for split in splits {
                let name = try #require(split.relativePath)
                let contents = try #require(files[name])
                let mine = LineOracle.lines(contents)
                    .filter { LineOracle.splitReads(start: split.start, length: split.length, offset: $0.offset) }
                    .map { TextLines.line(bytes("\(name):\($0.offset)"), $0.bytes) }
                #expect(output.lines(partName("m", split.index)) == mine, "split \(split)")
            }
        }
    }

    @Test("one reducer: the shuffled output equals the sequential line reading",
          arguments: [1, 3, 8, 64])
    func oneReducerOutputEqualsSequentialLines(splitMaxSize: Int) async throws {
        try await withTemporaryDirectory { directory in
            let (expected, _) = try writeCorpus(directory)
            let job = lineJob(directory, reduces: 1, properties: [ConfigKey.splitMaxSize: String(splitMaxSize)])
            _ = try await runJob(job, in: directory)
            let output = try JobOutput(path: directory + "/out")
            #expect(output.partNames == ["part-r-00000"])
            let lines = output.lines("part-r-00000")
            #expect(lines == sortedBytes(lines), "the reducer's output is sorted by key bytes")
            #expect(sortedBytes(lines) == expected)
        }
    }

    @Test("dfs.blocksize bounds the split size when no maximum is set", arguments: [2, 9, 33])
    func blockSizeBoundsSplits(blockSize: Int) async throws {
        try await withTemporaryDirectory { directory in
            let (expected, files) = try writeCorpus(directory)
            let job = lineJob(directory, reduces: 0, properties: [ConfigKey.blockSize: String(blockSize)])
            let splits = try job.input.splits(configuration: job.configuration)
            let nonEmptyFiles = files.values.filter { !$0.isEmpty }
            #expect(splits.allSatisfy { $0.length <= Int64(Double(blockSize) * 1.1) })
            #expect(splits.count >= nonEmptyFiles.reduce(0) { $0 + $1.count / blockSize })
            _ = try await runJob(job, in: directory)
            #expect(try JobOutput(path: directory + "/out").allLinesSorted == expected)
        }
    }

    @Test("a CRLF whose CR ends one split and whose LF starts the next ends one line, read once",
          arguments: [2, 3, 4, 5, 6, 7])
    func crlfStraddlingABoundaryIsOneTerminator(splitMaxSize: Int) async throws {
        try await withTemporaryDirectory { directory in
            // The CR is the last byte of the first split, the LF the first of the second.
            let first = [UInt8](repeating: UInt8(ascii: "a"), count: splitMaxSize - 1) + [13]
            let contents = first + [10] + bytes("second\r\nthird")
            try writeFile(directory + "/in/f.txt", contents)
            let job = lineJob(directory, reduces: 0, properties: [ConfigKey.splitMaxSize: String(splitMaxSize)])
            _ = try await runJob(job, in: directory)
            let expected = [
                TextLines.line(bytes("f.txt:0"), Array(first.dropLast())),
                TextLines.line(bytes("f.txt:\(splitMaxSize + 1)"), bytes("second")),
                TextLines.line(bytes("f.txt:\(splitMaxSize + 9)"), bytes("third")),
            ]
            #expect(try JobOutput(path: directory + "/out").allLinesSorted == sortedBytes(expected))
        }
    }

    @Test("splits follow Hadoop's size rule, with the last split up to 10% over",
          arguments: [(21, 10, 2), (22, 10, 3), (105, 10, 11), (111, 10, 11), (10, 10, 1), (11, 10, 1), (12, 10, 2), (0, 10, 1)])
    func splitsFollowHadoopSlop(fileSize: Int, splitSize: Int, splitCount: Int) async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/f.txt", [UInt8](repeating: 120, count: fileSize))
            let splits = try TextInputFormat(paths: [directory + "/f.txt"])
                .splits(configuration: JobConfiguration([ConfigKey.splitMaxSize: String(splitSize)]))
            #expect(splits.count == splitCount)
            #expect(splits.map(\.index) == Array(0..<splitCount))
            // Contiguous, covering the file exactly.
            var next: Int64 = 0
            for split in splits {
                #expect(split.start == next)
                next += split.length
            }
            #expect(next == Int64(fileSize))
        }
    }
}
