import MapReduce

/// Counts the words of text files by their first letter (lowercased):
/// `a<TAB>120`, `b<TAB>87`, … A driver program, so Miniproc runs it like any
/// Hadoop job; a streamable job, so `letter-count-streaming map|reduce` runs
/// the same functions under hadoop-streaming.jar.
public enum LetterCount: JobProgram, StreamableJob {
    public static let name = "lettercount"
    public static let hadoopClass = "example.LetterCount"
    public static let summary = "Counts words by their first letter."
    public static let usage = "lettercount <in> [<in>...] <out>"

    public typealias Key = String
    public typealias Value = Int64

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        guard arguments.count >= 2 else { throw UsageError(self, "lettercount needs at least one input and an output") }
        let job = MapReduceJob(
            name: "letter count", configuration: configuration,
            input: TextInputFormat(paths: Array(arguments.dropLast())),
            mapper: { FirstLetterMapper() }, combiner: { LongSumReducer() }, reducer: { LongSumReducer() },
            output: OutputSpec(path: arguments[arguments.count - 1])
        )
        return ProgramOutcome(results: [try await submitter.submit(job)])
    }

    public static func makeMapper(configuration: JobConfiguration) -> any Mapper { FirstLetterMapper() }
    public static func makeCombiner(configuration: JobConfiguration) -> (any Reducer)? { LongSumReducer() }
    public static func makeReducer(configuration: JobConfiguration) -> any Reducer { LongSumReducer() }
}

/// Emits `(first letter, 1)` for every word of every line.
struct FirstLetterMapper: Mapper {
    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        let text = String(decoding: record.value, as: UTF8.self)
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            guard let first = word.first, first.isLetter else { continue }
            try output.emit(String(first).lowercased(), Int64(1))
        }
    }
}
