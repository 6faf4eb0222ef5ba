import Foundation
import MapReduce
import Testing

/// Zero reducers: map output goes straight to `part-m-NNNNN`, one per split.
@Suite struct MapOnlyTests {
    @Test("a map-only job writes one part-m file per split, empty splits included, then _SUCCESS")
    func mapOnlyWritesOnePartPerSplit() async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/in/a.txt", "one\ntwo\nthree\nfour\nfive\n")
            try writeFile(directory + "/in/b.txt", "")
            try writeFile(directory + "/in/c.txt", "six\n")
            let job = MapReduceJob(
                name: "map-only",
                configuration: JobConfiguration([ConfigKey.reduces: "0", ConfigKey.splitMaxSize: "10"]),
                input: TextInputFormat(paths: [directory + "/in"]),
                mapper: { LineLocatingMapper() },
                output: OutputSpec(path: directory + "/out")
            )
            let result = try await runJob(job, in: directory)
            let output = try JobOutput(path: directory + "/out")
            // a.txt (24 bytes) → splits 0+10, 10+10, 20+4; b.txt → 1 empty split; c.txt → 1.
            // "five" starts at 19, inside the second split; the third split starts
            // mid-line and no line starts after it, so its part is empty.
            #expect(output.names == ["_SUCCESS", "part-m-00000", "part-m-00001", "part-m-00002", "part-m-00003", "part-m-00004"])
            #expect(output.lines("part-m-00000") == [bytes("a.txt:0\tone"), bytes("a.txt:4\ttwo"), bytes("a.txt:8\tthree")])
            #expect(output.lines("part-m-00001") == [bytes("a.txt:14\tfour"), bytes("a.txt:19\tfive")])
            #expect(output.parts["part-m-00002"] == [])
            #expect(output.parts["part-m-00003"] == [])
            #expect(output.lines("part-m-00004") == [bytes("c.txt:0\tsix")])
            #expect(try readFile(directory + "/out/_SUCCESS").isEmpty)
            #expect(result.counters[.launchedMaps] == 5)
            #expect(result.counters[.launchedReduces] == 0)
            #expect(result.counters[.mapOutputRecords] == 6)
            #expect(result.counters[.reduceInputRecords] == 0)
        }
    }

    @Test("map-only output uses the configured separator and prints null values as the key alone")
    func mapOnlySeparatorAndNullValues() async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/in.txt", "x y\nz\n")
            let job = MapReduceJob(
                name: "separator",
                configuration: JobConfiguration([ConfigKey.reduces: "0", ConfigKey.outputSeparator: ","]),
                input: TextInputFormat(paths: [directory + "/in.txt"]),
                mapper: { SeparatorProbeMapper() },
                output: OutputSpec(path: directory + "/out")
            )
            _ = try await runJob(job, in: directory)
            #expect(try JobOutput(path: directory + "/out").lines("part-m-00000") == [bytes("0,x y"), bytes("x y"), bytes("4,z"), bytes("z")])
        }
    }
}

private struct SeparatorProbeMapper: Mapper {
    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        let line = String(decoding: record.value, as: UTF8.self)
        try output.emit(record.offset, line)
        try output.emit(line, NullValue())
    }
}
