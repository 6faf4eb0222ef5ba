import Foundation
import MapReduce
import Testing
import SeededRandom

/// Fixed-length records are never cut: splits fall on record boundaries.
@Suite struct FixedLengthInputTests {
    @Test("every record reaches exactly one map whole, whatever the split size", arguments: [1, 7, 10, 15, 25, 33, 1000])
    func recordsAreNeverSplit(splitMaxSize: Int) async throws {
        try await withTemporaryDirectory { directory in
            var generator = SeededGenerator(seed: UInt64(splitMaxSize))
            let records = 37
            let contents = (0..<records * 10).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try writeFile(directory + "/in/data", contents)
            let format = FixedLengthInputFormat(paths: [directory + "/in"], recordLength: 10, keyLength: 3)
            let configuration = JobConfiguration([ConfigKey.reduces: "0", ConfigKey.splitMaxSize: String(splitMaxSize)])
            let splits = try format.splits(configuration: configuration)
            #expect(splits.allSatisfy { $0.start % 10 == 0 && $0.length % 10 == 0 })
            // The split size rounds down to whole records (at least one): Hadoop's rule on aligned sizes.
            let size = max(10, splitMaxSize - splitMaxSize % 10)
            var remaining = records * 10, expectedCount = 0
            while Double(remaining) / Double(size) > 1.1 { expectedCount += 1; remaining -= size }
            #expect(splits.count == expectedCount + (remaining > 0 ? 1 : 0))
            let job = MapReduceJob(
                name: "fixed",
                configuration: configuration,
                input: format,
                mapper: { WholeRecordMapper() },
                output: OutputSpec(path: directory + "/out", format: .raw)
            )
            let result = try await runJob(job, in: directory)
            let output = try JobOutput(path: directory + "/out")
            #expect(output.partNames.count == splits.count)
            // Map-only raw output in part order is the input, byte for byte.
            #expect(output.partNames.flatMap { output.parts[$0] ?? [] } == contents)
            #expect(result.counters[.mapInputRecords] == Int64(records))
        }
    }

    @Test("a file that is not a whole number of records fails with a clear error")
    func partialRecordFails() async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/in/data", [UInt8](repeating: 1, count: 95))
            let format = FixedLengthInputFormat(paths: [directory + "/in"], recordLength: 10, keyLength: 3)
            #expect(throws: InputError.self) { try format.splits(configuration: JobConfiguration()) }
            let job = MapReduceJob(name: "fixed", input: format, mapper: { WholeRecordMapper() }, output: OutputSpec(path: directory + "/out"))
            let failure = try #require(await jobFailure { try await runJob(job, in: directory) })
            #expect(failure.message.contains("\(directory)/in/data holds 95 bytes, not a whole number of 10-byte records"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }
}

/// Emits each record as it came, failing on a record of the wrong shape.
private struct WholeRecordMapper: Mapper {
    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        guard record.key.count == 3, record.value.count == 7, record.offset % 10 == 0 else {
            throw ProbeError("record at \(record.offset) has a \(record.key.count)-byte key and a \(record.value.count)-byte value")
        }
        try output.emit(key: record.key, value: record.value)
    }
}
