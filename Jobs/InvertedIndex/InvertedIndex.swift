import MapReduce

/// Indexes which files each word occurs in: output lines are
/// `word<TAB>file1,file2,…`, the files named relative to the input argument
/// they were found under (`docs/a.txt` for input `corpus/` holding `docs/a.txt`),
/// sorted by their bytes and each listed once. Words are WordCount's tokens.
///
/// Hadoop's examples jar has no inverted index; this is the classic exercise
/// in the same shape (`invertedindex <in> [<in>...] <out>`).
public enum InvertedIndex: JobProgram {
    public static let name = "invertedindex"
    /// Not a Hadoop class: no Hadoop program does this, so the name says so rather than borrow Hadoop's package.
    public static let hadoopClass = "miniproc.examples.InvertedIndex"
    public static let summary = "A map/reduce program that lists, for every word, the files it occurs in."
    public static let usage = "invertedindex <in> [<in>...] <out>"

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        guard arguments.count >= 2 else { throw UsageError(self, "invertedindex needs at least one input and an output") }
        let job = makeJob(inputs: Array(arguments.dropLast()), output: arguments[arguments.count - 1], configuration: configuration)
        return ProgramOutcome(results: [try await submitter.submit(job)])
    }

    /// The inverted index job over `inputs`, writing to `output`.
    public static func makeJob(inputs: [String], output: String, configuration: JobConfiguration) -> MapReduceJob {
        MapReduceJob(
            name: configuration[ConfigKey.jobName] ?? "inverted index",
            configuration: configuration,
            input: TextInputFormat(paths: inputs),
            mapper: { WordFileMapper() },
            combiner: { DistinctValuesCombiner() },
            reducer: { FileListReducer() },
            output: OutputSpec(path: output)
        )
    }
}

/// Emits `(word, file)` for every token of the split's file.
struct WordFileMapper: Mapper {
    private var file: [UInt8] = []
    /// The last word emitted, to skip the common case of a word repeated in a row
    /// without holding every word of the split.
    private var previous: [UInt8] = []

    mutating func setup(context: TaskContext) throws {
        guard let name = context.split?.relativePath else {
            throw InputError("invertedindex needs file input; split \(context.split.map(String.init(describing:)) ?? "none") has no file")
        }
        file = Array(name.utf8)
    }

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        try Tokenizer.forEachToken(in: record.value) { token in
            if token.elementsEqual(previous) { return }
            previous.removeAll(keepingCapacity: true)
            previous.append(contentsOf: token)
            try file.withUnsafeBytes { try output.emit(key: token, value: $0) }
        }
    }
}

/// Passes each distinct value of a key once: the map side's de-duplication.
struct DistinctValuesCombiner: Reducer {
    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        var seen = Set<[UInt8]>()
        while let value = values.next() {
            let bytes = Array(value)
            if seen.insert(bytes).inserted {
                try bytes.withUnsafeBytes { try output.emit(key: key, value: $0) }
            }
        }
    }
}

/// Writes `word<TAB>file1,file2,…` with the distinct files in byte order.
struct FileListReducer: Reducer {
    private var line: [UInt8] = []

    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        var files = Set<[UInt8]>()
        while let value = values.next() { files.insert(Array(value)) }
        line.removeAll(keepingCapacity: true)
        for (index, file) in files.sorted(by: { $0.lexicographicallyPrecedes($1) }).enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line.append(contentsOf: file)
        }
        try line.withUnsafeBytes { try output.emit(key: key, value: $0) }
    }
}
