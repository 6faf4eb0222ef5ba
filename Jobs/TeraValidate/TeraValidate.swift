import MapReduce

/// Checks that terasort's output is globally sorted, like Hadoop's `TeraValidate`.
///
/// The input is 100-byte records with 10-byte keys (TeraGen's binary layout or
/// gensort's ASCII form, both 100 bytes). Each file is one map, in file-name
/// order; a map checks that its file's keys never decrease (keys compare as
/// unsigned bytes) and emits its first and last key and the 128-bit sum of the
/// CRC-32 of every record. One reducer checks that each file's first key is not
/// below the previous file's last key and sums the checksums.
///
/// The output, in Hadoop's wording and key order: `checksum<TAB><hex>`, then
/// one `error<TAB>…` record per problem — `misorder in FILE between K1 and K2`
/// within a file, or `bad key partitioning:` followed by two indented
/// `file FILE:end key K1` / `file FILE:begin key K2` lines between files — with
/// keys printed as space-separated hex bytes. Valid input gives the checksum line alone.
public enum TeraValidate: JobProgram {
    public static let name = "teravalidate"
    public static let hadoopClass = "org.apache.hadoop.examples.terasort.TeraValidate"
    public static let summary = "Checking results of terasort"
    public static let usage = "teravalidate <out-dir> <report-dir>"

    /// Bytes per record and per key, as TeraSort lays them out.
    static let recordLength = 100
    static let keyLength = 10

    static let errorKey: [UInt8] = Array("error".utf8)
    static let checksumKey: [UInt8] = Array("checksum".utf8)

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        guard arguments.count == 2 else { throw UsageError(self, "teravalidate needs terasort's output directory and a report directory, got \(arguments.count) arguments") }
        let job = makeJob(input: arguments[0], output: arguments[1], configuration: configuration)
        return ProgramOutcome(results: [try await submitter.submit(job)])
    }

    /// The validation job reading terasort output `input`, reporting to `output`.
    public static func makeJob(input: String, output: String, configuration: JobConfiguration) -> MapReduceJob {
        MapReduceJob(
            name: "TeraValidate",
            configuration: configuration.merging([ConfigKey.reduces: "1"]),
            input: WholeFileInputFormat(paths: [input], recordLength: recordLength, keyLength: keyLength),
            mapper: { ValidateMapper() },
            reducer: { ValidateReducer() },
            output: OutputSpec(path: output)
        )
    }

    /// Bytes as `BytesWritable.toString` prints them: lowercase hex pairs separated by spaces.
    static func textify<C: Collection<UInt8>>(_ bytes: C) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count < 2 ? "0" + hex : hex
        }.joined(separator: " ")
    }
}

/// Checks one file's order and sums its records' CRCs.
struct ValidateMapper: Mapper {
    private var filename = ""
    private var lastKey: [UInt8]?
    private var checksum = RecordChecksum()

    mutating func setup(context: TaskContext) throws {
        guard let path = context.split?.path else { throw InputError("teravalidate needs file input") }
        filename = path.split(separator: "/").last.map(String.init) ?? path
    }

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        let key = record.key
        if let lastKey {
            if key.lexicographicallyPrecedes(lastKey) {
                let message = "misorder in \(filename) between \(TeraValidate.textify(lastKey)) and \(TeraValidate.textify(key))"
                try emit(TeraValidate.errorKey, Array(message.utf8), to: output)
            }
        } else {
            try emit(Array("\(filename):begin".utf8), Array(key), to: output)
        }
        checksum.add(UInt64(CRC32.update(CRC32.checksum(key), record.value)))
        if lastKey == nil || lastKey?.count != key.count {
            lastKey = Array(key)
        } else {
            lastKey?.withUnsafeMutableBytes { $0.copyMemory(from: key) }
        }
    }

    mutating func cleanup(output: MapOutput) throws {
        guard let lastKey else { return }
        try emit(Array("\(filename):end".utf8), lastKey, to: output)
        try emit(TeraValidate.checksumKey, checksum.bytes, to: output)
    }

    private func emit(_ key: [UInt8], _ value: [UInt8], to output: MapOutput) throws {
        try key.withUnsafeBytes { k in try value.withUnsafeBytes { v in try output.emit(key: k, value: v) } }
    }
}

/// Passes errors through, sums the checksums and checks file boundaries;
/// keys arrive sorted, so `F:begin` follows the previous file's `F':end`.
struct ValidateReducer: Reducer {
    private var lastFile: [UInt8]?
    private var lastValue: [UInt8] = []

    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        if key.elementsEqual(TeraValidate.errorKey) {
            while let value = values.next() { try output.emit(key: key, value: value) }
        } else if key.elementsEqual(TeraValidate.checksumKey) {
            var sum = RecordChecksum()
            while let value = values.next() { sum.add(RecordChecksum(bytes: value)) }
            try Array(sum.hex.utf8).withUnsafeBytes { try output.emit(key: key, value: $0) }
        } else {
            guard let value = values.next() else { return }
            if let lastFile, value.lexicographicallyPrecedes(lastValue) {
                let message = "bad key partitioning:\n  file \(String(decoding: lastFile, as: UTF8.self)) key \(TeraValidate.textify(lastValue))"
                    + "\n  file \(String(decoding: key, as: UTF8.self)) key \(TeraValidate.textify(value))"
                try TeraValidate.errorKey.withUnsafeBytes { k in
                    try Array(message.utf8).withUnsafeBytes { try output.emit(key: k, value: $0) }
                }
            }
            lastFile = Array(key)
            lastValue = Array(value)
        }
    }
}
