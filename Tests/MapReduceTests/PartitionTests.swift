import Foundation
import MapReduce
import Testing

/// Partitions are reducers: each key goes to exactly one part file, chosen by a
/// stable hash, so output is the same from run to run.
@Suite struct PartitionTests {
    static let items: Int64 = 20_000

    private func job(_ directory: String, reduces: Int, output: String) -> MapReduceJob {
        MapReduceJob(
            name: "partitions",
            configuration: JobConfiguration([ConfigKey.reduces: String(reduces), ConfigKey.sortMB: "1"]),
            input: GeneratedInputFormat(count: Self.items, tasks: 3, records: .eachItem),
            mapper: { KeyPoolMapper() },
            combiner: { LongSumReducer() },
            reducer: { LongSumReducer() },
            output: OutputSpec(path: "\(directory)/\(output)")
        )
    }

    /// Hadoop's `HashPartitioner` rule on our stable hash: a non-negative hash modulo the reducers.
    private func expectedPartition(_ key: [UInt8], _ reduces: Int) -> Int {
        let hash = key.withUnsafeBytes { StableHash.hash($0) }
        return Int((hash >> 1) % UInt64(reduces))
    }

    @Test("every key is in exactly one sorted part, the one its stable hash names", arguments: [1, 3, 17, 64])
    func everyKeyInExactlyOnePart(reduces: Int) async throws {
        try await withTemporaryDirectory { directory in
            let result = try await runJob(job(directory, reduces: reduces, output: "out"), in: directory)
            let output = try JobOutput(path: directory + "/out")
            #expect(output.names == ["_SUCCESS"] + (0..<reduces).map { partName("r", $0) })
            var seen = Set<[UInt8]>()
            for partition in 0..<reduces {
                let keys = output.lines(partName("r", partition)).map { TextLines.keyValue($0).key }
                #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }, "part \(partition) sorted")
                for key in keys {
                    #expect(seen.insert(key).inserted, "a key appears in two parts")
                    #expect(expectedPartition(key, reduces) == partition)
                }
            }
            #expect(output.allLinesSorted == KeyPool.lines(KeyPool.sums(items: Self.items)))
            #expect(result.counters[.launchedReduces] == Int64(reduces))
        }
    }

    @Test("two runs of the same job write byte-identical parts")
    func partitioningIsStableAcrossRuns() async throws {
        try await withTemporaryDirectory { directory in
            _ = try await runJob(job(directory, reduces: 7, output: "first"), in: directory, id: "test_0001")
            _ = try await runJob(job(directory, reduces: 7, output: "second"), in: directory, id: "test_0002")
            let first = try JobOutput(path: directory + "/first")
            let second = try JobOutput(path: directory + "/second")
            #expect(first.parts == second.parts)
            #expect(first.parts.values.filter { !$0.isEmpty }.count > 1)
        }
    }

    @Test("the default partitioner follows the stable hash", arguments: [1, 2, 5, 64, 1000])
    func hashPartitionerFollowsStableHash(reduces: Int) {
        for key in KeyPool.keys.prefix(2_000) {
            let partition = key.withUnsafeBytes { HashPartitioner().partition(key: $0, partitions: reduces) }
            #expect(partition == expectedPartition(key, reduces))
        }
    }

    @Test("the stable hash of known bytes never changes")
    func stableHashIsPinned() {
        // Partitions must not move between versions: these values are the hash's contract.
        let samples = [bytes(""), bytes("a"), bytes("hello world"), [0, 0, 0, 0, 0, 0, 0, 0, 0xFF]]
        let hashes = samples.map { sample in sample.withUnsafeBytes { StableHash.hash($0) } }
        #expect(hashes == Self.pinnedHashes)
    }

    static let pinnedHashes: [UInt64] = [2_302_960_717_771_869_484, 7_509_605_417_901_193_327, 14_796_113_660_857_832_467, 11_324_571_765_819_264_975]
}
