import Foundation
import MapReduce

/// Sorts TeraGen's records, like Hadoop's `TeraSort`: before the job, keys are
/// sampled from the input (`terasort.partitions.sample`, default 100,000, from
/// up to 10 splits) to choose `reduces − 1` cut points; a total-order
/// partitioner sends each key to the reducer whose range holds it, so the
/// part files, read in order, are globally sorted.
public enum TeraSort: JobProgram {
    public static let name = "terasort"
    public static let hadoopClass = "org.apache.hadoop.examples.terasort.TeraSort"
    public static let summary = "Run the terasort"
    public static let usage = "terasort <input dir> <output dir>"
    /// The number of keys sampled to choose partition boundaries.
    public static let sampleSizeKey = "terasort.partitions.sample"

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        guard arguments.count == 2 else { throw UsageError(self, "terasort needs an input and an output directory") }
        let input = FixedLengthInputFormat(paths: [arguments[0]], recordLength: TeraRecord.length, keyLength: TeraRecord.keyLength)
        var job = MapReduceJob(
            name: configuration[ConfigKey.jobName] ?? "TeraSort",
            configuration: configuration,
            input: input,
            mapper: { IdentityMapper() },
            reducer: { IdentityReducer() },
            output: OutputSpec(path: arguments[1], format: .raw)
        )
        let reduces = try job.reduceTasks()
        if reduces > 1 {
            let sampleSize = Int(try configuration.int(sampleSizeKey, default: 100_000))
            job.partitioner = try TotalOrderPartitioner(cutPoints: sampleCutPoints(input: input, configuration: configuration, sampleSize: sampleSize, partitions: reduces))
        }
        return ProgramOutcome(results: [try await submitter.submit(job)])
    }

    /// Reads keys evenly from up to ten splits and returns `partitions − 1` cut points.
    static func sampleCutPoints(input: FixedLengthInputFormat, configuration: JobConfiguration, sampleSize: Int, partitions: Int) throws -> [[UInt8]] {
        let splits = try input.splits(configuration: configuration)
        guard !splits.isEmpty else { return [] }
        let sampled = min(10, splits.count)
        let perSplit = max(1, sampleSize / sampled)
        var keys: [[UInt8]] = []
        for index in 0..<sampled {
            let split = splits[index * splits.count / sampled]
            var reader = try input.makeReader(for: split, configuration: configuration)
            var taken = 0
            struct Enough: Error {}
            do {
                try reader.read { record, _ in
                    keys.append(Array(record.key))
                    taken += 1
                    if taken >= perSplit { throw Enough() }
                }
            } catch is Enough {}
        }
        keys.sort { $0.lexicographicallyPrecedes($1) }
        guard !keys.isEmpty else { return [] }
        return (1..<partitions).map { keys[min(keys.count - 1, $0 * keys.count / partitions)] }
    }
}

/// Sends each key to the partition whose range of cut points holds it.
public struct TotalOrderPartitioner: Partitioner {
    private let prefixes: [UInt64]
    private let cutPoints: [[UInt8]]

    /// A partitioner with sorted `cutPoints`: partition i holds keys in [cut[i-1], cut[i]).
    public init(cutPoints: [[UInt8]]) throws {
        self.cutPoints = cutPoints
        self.prefixes = cutPoints.map { key in
            var value: UInt64 = 0
            for (i, byte) in key.prefix(8).enumerated() { value |= UInt64(byte) << UInt64(56 - 8 * i) }
            return value
        }
    }

    public func partition(key: UnsafeRawBufferPointer, partitions: Int) -> Int {
        var prefix: UInt64 = 0
        for i in 0..<min(8, key.count) { prefix |= UInt64(key[i]) << UInt64(56 - 8 * i) }
        // The first cut point greater than the key.
        var low = 0
        var high = prefixes.count
        while low < high {
            let middle = (low + high) / 2
            let greater: Bool
            if prefixes[middle] != prefix {
                greater = prefixes[middle] > prefix
            } else {
                greater = cutPoints[middle].withUnsafeBytes { key.lexicographicallyPrecedes($0) }
            }
            if greater { high = middle } else { low = middle + 1 }
        }
        return min(low, partitions - 1)
    }
}
