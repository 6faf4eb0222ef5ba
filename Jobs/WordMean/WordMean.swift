import MapReduce

/// The mean length of the words of text files, like Hadoop's `WordMean`.
///
/// Words are WordCount's tokens; a word's length is its length in UTF-16 code
/// units, as Java's `String.length()` counts it (bytes for ASCII text). The
/// output holds two lines, `count<TAB>words` and `length<TAB>total length`,
/// and the program prints `The mean is: X` computed from them.
///
/// Unlike Hadoop, which reads only `part-r-00000` and sums into a Java `int`,
/// the mean is read from every part file and sums are 64-bit, so the result is
/// also right with several reducers and more than 2³¹ characters.
public enum WordMean: JobProgram {
    public static let name = "wordmean"
    public static let hadoopClass = "org.apache.hadoop.examples.WordMean"
    public static let summary = "A map/reduce program that counts the average length of the words in the input files."
    public static let usage = "wordmean <in> <out>"

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        guard arguments.count == 2 else { throw UsageError(self, "wordmean needs an input and an output, got \(arguments.count) arguments") }
        let job = makeJob(input: arguments[0], output: arguments[1], configuration: configuration)
        let result = try await submitter.submit(job)
        let mean = try readMean(output: job.output.path)
        return ProgramOutcome(results: [result], messages: ["The mean is: \(JavaDouble.string(mean))"])
    }

    /// The word mean job over `input`, writing to `output`.
    public static func makeJob(input: String, output: String, configuration: JobConfiguration) -> MapReduceJob {
        MapReduceJob(
            name: configuration[ConfigKey.jobName] ?? "word mean",
            configuration: configuration,
            input: TextInputFormat(paths: [input]),
            mapper: { WordLengthMapper() },
            combiner: { LongSumReducer() },
            reducer: { LongSumReducer() },
            output: OutputSpec(path: output)
        )
    }

    /// Total length over word count, from the `count` and `length` lines of the job's output.
    static func readMean(output: String) throws -> Double {
        var count: Int64 = 0
        var length: Int64 = 0
        for line in try OutputFiles.keyValueLines(in: output) {
            switch line.key {
            case "count": count += Int64(line.value) ?? 0
            case "length": length += Int64(line.value) ?? 0
            default: continue
            }
        }
        return Double(length) / Double(count)
    }
}

/// Emits `("length", word length)` and `("count", 1)` for every token.
struct WordLengthMapper: Mapper {
    private static let countKey: [UInt8] = Array("count".utf8)
    private static let lengthKey: [UInt8] = Array("length".utf8)
    private var one = Int64.encodedBits(1)
    private var length: UInt64 = 0

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        try Tokenizer.forEachToken(in: record.value) { token in
            length = Int64.encodedBits(Self.utf16Length(token))
            try Self.lengthKey.withUnsafeBytes { key in
                try withUnsafeBytes(of: &length) { try output.emit(key: key, value: $0) }
            }
            try Self.countKey.withUnsafeBytes { key in
                try withUnsafeBytes(of: &one) { try output.emit(key: key, value: $0) }
            }
        }
    }

    /// Java's `String.length()` of UTF-8 `bytes` without decoding them: one unit
    /// per character, two for characters beyond the BMP (4-byte sequences).
    /// Malformed UTF-8 is counted per lead byte, where Java would count replacement characters.
    static func utf16Length(_ bytes: UnsafeRawBufferPointer) -> Int64 {
        var units: Int64 = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 { units &+= 1 }
            if byte >= 0xF0 { units &+= 1 }
        }
        return units
    }
}
