import MapReduce

/// Generates TeraSort input, like Hadoop's `TeraGen`: `ROWS` records of 100
/// bytes written by a map-only job, row ranges split over `mapreduce.job.maps`
/// maps (default 2). `teragen.format=ascii` writes `gensort -a`'s printable,
/// CRLF-terminated form instead of TeraGen's binary one.
public enum TeraGen: JobProgram {
    public static let name = "teragen"
    public static let hadoopClass = "org.apache.hadoop.examples.terasort.TeraGen"
    public static let summary = "Generate data for the terasort"
    public static let usage = "teragen <num rows> <output dir>"
    /// The property that selects the record form (`binary` or `ascii`).
    public static let formatKey = "teragen.format"

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        guard arguments.count == 2 else { throw UsageError(self, "teragen needs a row count and an output directory") }
        guard let rows = parseRows(arguments[0]) else {
            throw UsageError(self, "'\(arguments[0])' is not a row count; give a whole number such as 1000000 (suffixes k, m, b, t allowed)")
        }
        let formatName = configuration.string(formatKey, default: TeraRecord.Form.binary.rawValue)
        guard let form = TeraRecord.Form(rawValue: formatName) else {
            throw UsageError(self, "\(formatKey) must be binary or ascii, got '\(formatName)'")
        }
        let maps = Int(try configuration.int(ConfigKey.maps, default: 2))
        var configuration = configuration
        configuration[ConfigKey.reduces] = "0"
        let job = MapReduceJob(
            name: configuration[ConfigKey.jobName] ?? "TeraGen",
            configuration: configuration,
            input: GeneratedInputFormat(count: rows, tasks: max(1, maps), records: .wholeRange),
            mapper: { TeraGenMapper(form: form) },
            output: OutputSpec(path: arguments[1], format: .raw)
        )
        return ProgramOutcome(results: [try await submitter.submit(job)])
    }

    /// Parses `1000`, `10k`, `5m`, `2b`, `1t` as Hadoop's TeraGen does.
    static func parseRows(_ text: String) -> Int64? {
        let lower = text.lowercased()
        let scales: [Character: Int64] = ["k": 1_000, "m": 1_000_000, "b": 1_000_000_000, "t": 1_000_000_000_000]
        if let last = lower.last, let scale = scales[last], let number = Int64(lower.dropLast()), number >= 0 {
            return number * scale
        }
        guard let rows = Int64(lower), rows >= 0 else { return nil }
        return rows
    }
}

/// Writes the records of one row range.
struct TeraGenMapper: Mapper {
    let form: TeraRecord.Form

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        let first = Int64(decoding: record.key)
        let count = Int64(decoding: record.value)
        var random = Random128(row: UInt64(first))
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: TeraRecord.length, alignment: 16)
        defer { buffer.deallocate() }
        for row in first..<(first + count) {
            TeraRecord.write(row: UInt128(row), random: random.next(), form: form, into: buffer)
            try output.emit(
                key: UnsafeRawBufferPointer(start: buffer, count: TeraRecord.keyLength),
                value: UnsafeRawBufferPointer(start: buffer + TeraRecord.keyLength, count: TeraRecord.length - TeraRecord.keyLength)
            )
        }
    }
}
