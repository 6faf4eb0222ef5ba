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
        try withUnsafeBytes(of: &one) { value in
            try Tokenizer.forEachToken(in: record.value) { try output.emit(key: $0, value: value) }
        }
    }
}

/// Word count also runs as a Hadoop Streaming program (`miniproc stream map wordcount`):
/// its records are `word<TAB>count` lines.
extension WordCount: StreamableJob {
    public typealias Key = String
    public typealias Value = Int64
    public static func makeMapper(configuration: JobConfiguration) -> any Mapper { TokenCountMapper() }
    public static func makeCombiner(configuration: JobConfiguration) -> (any Reducer)? { LongSumReducer() }
    public static func makeReducer(configuration: JobConfiguration) -> any Reducer { LongSumReducer() }
}
