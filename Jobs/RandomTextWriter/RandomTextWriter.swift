import MapReduce
import SeededRandom

/// Writes random sentences, like Hadoop's `RandomTextWriter`: a map-only job
/// whose every map writes records of random words until it has written
/// `mapreduce.randomtextwriter.bytespermap` bytes of keys and values.
///
/// Properties, with Hadoop's defaults:
/// - `mapreduce.randomtextwriter.bytespermap` (1 GiB): bytes per map; 0 is refused.
/// - `mapreduce.randomtextwriter.mapsperhost` (10) and
///   `mapreduce.randomtextwriter.totalbytes` (mapsperhost × bytespermap on this one
///   host): the maps are totalbytes / bytespermap, or one map of totalbytes when smaller.
/// - `mapreduce.randomtextwriter.minwordskey` / `maxwordskey` (5 / 10) and
///   `mapreduce.randomtextwriter.minwordsvalue` / `maxwordsvalue` (10 / 100):
///   words per key and per value, from min up to but excluding max (min when equal).
///
/// Each sentence is words followed by a space each, as in Hadoop. Words come
/// from `RandomWords`, a generated list, not Hadoop's. Each map draws from a
/// generator seeded by its map number, so a map's output is the same on every
/// run. Hadoop writes a SequenceFile by default; this writes `key<TAB>value`
/// text lines (what `-outFormat …TextOutputFormat` gives on Hadoop), and accepts
/// `-outFormat` only with Hadoop's text or sequence-file output format class.
public enum RandomTextWriter: JobProgram {
    public static let name = "randomtextwriter"
    public static let hadoopClass = "org.apache.hadoop.examples.RandomTextWriter"
    public static let summary = "A map/reduce program that writes 10GB of random textual data per node."
    public static let usage = "randomtextwriter [-outFormat <output format class>] <output>"

    static let totalBytesKey = "mapreduce.randomtextwriter.totalbytes"
    static let bytesPerMapKey = "mapreduce.randomtextwriter.bytespermap"
    static let mapsPerHostKey = "mapreduce.randomtextwriter.mapsperhost"
    static let minWordsKeyKey = "mapreduce.randomtextwriter.minwordskey"
    static let maxWordsKeyKey = "mapreduce.randomtextwriter.maxwordskey"
    static let minWordsValueKey = "mapreduce.randomtextwriter.minwordsvalue"
    static let maxWordsValueKey = "mapreduce.randomtextwriter.maxwordsvalue"
    /// The group of the user counters `RECORDS_WRITTEN` and `BYTES_WRITTEN`, as Hadoop names it.
    public static let counterGroup = "org.apache.hadoop.examples.RandomTextWriter$Counters"

    private static let acceptedFormats: Set<String> = [
        "org.apache.hadoop.mapreduce.lib.output.TextOutputFormat",
        "org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat",
    ]

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        var outputs: [String] = []
        var index = 0
        while index < arguments.count {
            if arguments[index] == "-outFormat" {
                guard index + 1 < arguments.count else { throw UsageError(self, "ERROR: Required parameter missing from -outFormat") }
                guard acceptedFormats.contains(arguments[index + 1]) else {
                    throw UsageError(self, "output format \(arguments[index + 1]) is not supported; records are written as text lines")
                }
                index += 2
            } else {
                outputs.append(arguments[index])
                index += 1
            }
        }
        guard outputs.count == 1 else { throw UsageError(self, "randomtextwriter needs one output, got \(outputs.count)") }
        let job = try makeJob(output: outputs[0], configuration: configuration)
        return ProgramOutcome(results: [try await submitter.submit(job)])
    }

    /// The sizes a run uses, read from the configuration with Hadoop's defaults.
    struct Plan: Sendable, Hashable {
        var maps: Int
        var bytesPerMap: Int64
        var keyWords: Range<Int>
        var valueWords: Range<Int>
    }

    static func plan(configuration: JobConfiguration) throws -> Plan {
        var bytesPerMap = try configuration.int(bytesPerMapKey, default: 1 << 30)
        guard bytesPerMap > 0 else { throw UsageError(self, "Cannot have \(bytesPerMapKey) set to \(bytesPerMap)") }
        let mapsPerHost = try configuration.int(mapsPerHostKey, default: 10)
        let totalBytes = try configuration.int(totalBytesKey, default: mapsPerHost &* bytesPerMap)
        var maps = totalBytes / bytesPerMap
        if maps == 0 && totalBytes > 0 {
            maps = 1
            bytesPerMap = totalBytes
        }
        guard maps <= 100_000 else { throw UsageError(self, "\(totalBytesKey) / \(bytesPerMapKey) makes \(maps) maps; at most 100000 are allowed") }
        return Plan(
            maps: Int(maps),
            bytesPerMap: bytesPerMap,
            keyWords: try wordRange(minKey: minWordsKeyKey, minDefault: 5, maxKey: maxWordsKeyKey, maxDefault: 10, configuration: configuration),
            valueWords: try wordRange(minKey: minWordsValueKey, minDefault: 10, maxKey: maxWordsValueKey, maxDefault: 100, configuration: configuration)
        )
    }

    private static func wordRange(minKey: String, minDefault: Int64, maxKey: String, maxDefault: Int64, configuration: JobConfiguration) throws -> Range<Int> {
        let low = try configuration.int(minKey, default: minDefault)
        let high = try configuration.int(maxKey, default: maxDefault)
        guard low >= 0 && high >= low && high <= 1_000_000 else {
            throw UsageError(self, "\(minKey)=\(low) and \(maxKey)=\(high) must satisfy 0 ≤ min ≤ max ≤ 1000000")
        }
        // Java's nextInt(max - min) draws below max; with max == min there is no draw.
        return Int(low)..<Int(max(high, low + 1))
    }

    /// The map-only job writing `plan.maps` part files to `output`.
    static func makeJob(output: String, configuration: JobConfiguration) throws -> MapReduceJob {
        let plan = try plan(configuration: configuration)
        return MapReduceJob(
            name: "random-text-writer",
            configuration: configuration.merging([ConfigKey.reduces: "0", ConfigKey.maps: String(plan.maps)]),
            input: GeneratedInputFormat(count: Int64(plan.maps), tasks: plan.maps, records: .eachItem),
            mapper: { RandomTextMapper(plan: plan) },
            output: OutputSpec(path: output)
        )
    }

    /// The records map `map` writes, in order, calling `body` with each key and value.
    static func generate(map: Int64, plan: Plan, _ body: ([UInt8], [UInt8]) throws -> Void) rethrows {
        var generator = SeededGenerator(seed: 0x7E47_0000_0000_0000 ^ UInt64(bitPattern: map))
        var remaining = plan.bytesPerMap
        var key: [UInt8] = []
        var value: [UInt8] = []
        while remaining > 0 {
            let keyWords = plan.keyWords.lowerBound + generator.next(below: plan.keyWords.count)
            let valueWords = plan.valueWords.lowerBound + generator.next(below: plan.valueWords.count)
            sentence(words: keyWords, into: &key, using: &generator)
            sentence(words: valueWords, into: &value, using: &generator)
            try body(key, value)
            remaining -= Int64(key.count + value.count)
        }
    }

    private static func sentence(words: Int, into buffer: inout [UInt8], using generator: inout SeededGenerator) {
        buffer.removeAll(keepingCapacity: true)
        let vocabulary = RandomWords.all
        for _ in 0..<words {
            buffer.append(contentsOf: vocabulary[generator.next(below: vocabulary.count)])
            buffer.append(UInt8(ascii: " "))
        }
    }
}

/// Writes one map's random records; its one input record is the map's number.
struct RandomTextMapper: Mapper {
    let plan: RandomTextWriter.Plan
    private var context: TaskContext?

    init(plan: RandomTextWriter.Plan) { self.plan = plan }

    mutating func setup(context: TaskContext) throws { self.context = context }

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        var records: Int64 = 0
        var bytes: Int64 = 0
        try RandomTextWriter.generate(map: record.offset, plan: plan) { key, value in
            try key.withUnsafeBytes { k in try value.withUnsafeBytes { v in try output.emit(key: k, value: v) } }
            records += 1
            bytes += Int64(key.count + value.count)
        }
        context?.increment(RandomTextWriter.counterGroup, "RECORDS_WRITTEN", by: records)
        context?.increment(RandomTextWriter.counterGroup, "BYTES_WRITTEN", by: bytes)
    }
}
