/// Everything that defines one MapReduce job, like a configured Hadoop `Job`.
public struct MapReduceJob: Sendable {
    /// The job's name, shown in progress and in the YARN application.
    public var name: String
    /// Hadoop properties (see `JobConfiguration` for the keys the engine reads).
    public var configuration: JobConfiguration
    /// Where records come from.
    public var input: any InputFormat
    /// Makes the mapper of each map attempt.
    public var mapper: @Sendable () -> any Mapper
    /// Makes the combiner of each map attempt, if any.
    public var combiner: (@Sendable () -> any Reducer)?
    /// Makes the reducer of each reduce attempt; the identity reducer if nil.
    public var reducer: (@Sendable () -> any Reducer)?
    /// Chooses each key's reduce partition.
    public var partitioner: any Partitioner
    /// Where and how the output is written.
    public var output: OutputSpec

    /// A job; the partitioner defaults to `HashPartitioner`.
    public init(
        name: String,
        configuration: JobConfiguration = JobConfiguration(),
        input: any InputFormat,
        mapper: @escaping @Sendable () -> any Mapper,
        combiner: (@Sendable () -> any Reducer)? = nil,
        reducer: (@Sendable () -> any Reducer)? = nil,
        partitioner: any Partitioner = HashPartitioner(),
        output: OutputSpec
    ) {
        self.name = name
        self.configuration = configuration
        self.input = input
        self.mapper = mapper
        self.combiner = combiner
        self.reducer = reducer
        self.partitioner = partitioner
        self.output = output
    }

    /// The number of reduce tasks (`mapreduce.job.reduces`, default 1).
    public func reduceTasks() throws -> Int {
        let value = try configuration.int(ConfigKey.reduces, default: 1)
        guard value >= 0 && value <= 100_000 else {
            throw ConfigurationError(key: ConfigKey.reduces, value: String(value), expected: "between 0 and 100000")
        }
        return Int(value)
    }
}

/// The output directory and its format.
public struct OutputSpec: Sendable, Hashable {
    /// The output directory; it must not exist when the job starts.
    public var path: String
    /// How records are written.
    public var format: OutputFormat
    /// How part files are named.
    public var partNames: PartNames

    /// An output spec; paths may be plain or `file://` URIs.
    public init(path: String, format: OutputFormat = .text, partNames: PartNames = .mapreduce) {
        self.path = LocalPath.resolve(path)
        self.format = format
        self.partNames = partNames
    }
}

/// The names of a job's part files, which differ between Hadoop's two APIs.
public enum PartNames: Sendable, Hashable {
    /// The `mapreduce` API's `part-m-00000` and `part-r-00000`.
    case mapreduce
    /// The old `mapred` API's `part-00000` for both, which streaming jobs write.
    case mapred

    /// The part file of `task` of `kind`.
    public func name(kind: TaskKind, task: Int) -> String {
        switch self {
        case .mapreduce: return "part-\(kind.letter)-\(TaskAttemptID.partNumber(task))"
        case .mapred: return "part-\(TaskAttemptID.partNumber(task))"
        }
    }
}

/// How output records become bytes in the part files.
public enum OutputFormat: Sendable, Hashable {
    /// `key<SEP>value` lines, like Hadoop's `TextOutputFormat` (separator from
    /// `mapreduce.output.textoutputformat.separator`, a tab by default).
    case text
    /// Key bytes then value bytes, nothing between records, like TeraSort's output format.
    case raw
}
