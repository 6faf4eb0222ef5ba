import MapReduce

/// Counts the words of text files, like Hadoop's `WordCount`: tokens are
/// separated by space, tab, CR, LF and form feed (Java's `StringTokenizer`
/// defaults); output lines are `word<TAB>count`, sorted by word bytes.
public enum WordCount: JobProgram {
    public static let name = "wordcount"
    public static let hadoopClass = "org.apache.hadoop.examples.WordCount"
    public static let summary = "A map/reduce program that counts the words in the input files."
    public static let usage = "wordcount <in> [<in>...] <out>"

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        guard arguments.count >= 2 else { throw UsageError(self, "wordcount needs at least one input and an output") }
        let job = makeJob(inputs: Array(arguments.dropLast()), output: arguments[arguments.count - 1], configuration: configuration)
        return ProgramOutcome(results: [try await submitter.submit(job)])
    }

    /// The word count job over `inputs`, writing to `output`.
    public static func makeJob(inputs: [String], output: String, configuration: JobConfiguration) -> MapReduceJob {
        MapReduceJob(
            name: configuration[ConfigKey.jobName] ?? "word count",
            configuration: configuration,
            input: TextInputFormat(paths: inputs),
            mapper: { TokenCountMapper() },
            combiner: { LongSumReducer() },
            reducer: { LongSumReducer() },
            output: OutputSpec(path: output)
        )
    }
}

/// Emits `(token, 1)` for every token of every line; the tokeniser works on bytes.
struct TokenCountMapper: Mapper {
    private var one = Int64.encodedBits(1)

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        guard let base = record.value.baseAddress else { return }
        let count = record.value.count
        try withUnsafeBytes(of: &one) { value in
            var i = 0
            while i < count {
                while i < count && Tokenizer.isDelimiter(base.load(fromByteOffset: i, as: UInt8.self)) { i &+= 1 }
                let start = i
                while i < count && !Tokenizer.isDelimiter(base.load(fromByteOffset: i, as: UInt8.self)) { i &+= 1 }
                if i > start {
                    try output.emit(key: UnsafeRawBufferPointer(start: base + start, count: i &- start), value: value)
                }
            }
        }
    }
}

/// Java `StringTokenizer`'s default delimiters: space, tab, LF, CR, form feed.
enum Tokenizer {
    /// Bit `b` set for each delimiter byte `b` below 64.
    static let mask: UInt64 = (1 << 32) | (1 << 9) | (1 << 10) | (1 << 13) | (1 << 12)

    @inline(__always)
    static func isDelimiter(_ byte: UInt8) -> Bool {
        byte <= 32 && (mask >> UInt64(byte)) & 1 == 1
    }

    /// The tokens of `text`, for code off the hot path.
    static func tokens(_ bytes: UnsafeRawBufferPointer) -> [UnsafeRawBufferPointer] {
        var tokens: [UnsafeRawBufferPointer] = []
        guard let base = bytes.baseAddress else { return tokens }
        var i = 0
        while i < bytes.count {
            while i < bytes.count && isDelimiter(bytes[i]) { i += 1 }
            let start = i
            while i < bytes.count && !isDelimiter(bytes[i]) { i += 1 }
            if i > start { tokens.append(UnsafeRawBufferPointer(start: base + start, count: i - start)) }
        }
        return tokens
    }
}
