import MapReduce

/// A mapper that is an external program, like Hadoop's `PipeMapper`: every
/// input record goes to the program's stdin as a line — the value alone for
/// `TextInputFormat` (`stream.map.input.ignoreKey`), else `key<SEP>value` with
/// `stream.map.input.field.separator` — and every line it prints becomes a map
/// output record (see `LineFields`).
public struct StreamingMapper: Mapper {
    let spec: StreamingTaskSpec
    private var task: StreamingTask?
    private var ignoreKey = true
    private var keyIsOffset = false
    private var separator: [UInt8] = [9]
    private var offsetText: [UInt8] = []

    /// A mapper running `spec`'s command.
    public init(spec: StreamingTaskSpec) { self.spec = spec }

    public mutating func setup(context: TaskContext) throws {
        let configuration = context.configuration
        keyIsOffset = spec.inputFormat == .text
        ignoreKey = configuration.flag(StreamKey.ignoreKey, default: keyIsOffset)
        separator = Array(configuration.string(StreamKey.mapInputSeparator, default: "\t").utf8)
        task = try StreamingTask(spec: spec, context: context)
    }

    public mutating func map(_ record: InputRecord, output: MapOutput) throws {
        guard let task else { return }
        let emit: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void = { try output.emit(key: $0, value: $1) }
        if ignoreKey {
            try task.writeLine(record.value, emit: emit)
            return
        }
        if keyIsOffset {
            offsetText.removeAll(keepingCapacity: true)
            record.offset.appendText(to: &offsetText)
            try offsetText.withUnsafeBytes { key in
                try separator.withUnsafeBytes { try task.writeLine(key, $0, record.value, emit: emit) }
            }
            return
        }
        try separator.withUnsafeBytes { try task.writeLine(record.key, $0, record.value, emit: emit) }
    }

    public mutating func cleanup(output: MapOutput) throws {
        try task?.finish { try output.emit(key: $0, value: $1) }
        task = nil
    }
}

/// A reducer (or combiner) that is an external program, like Hadoop's
/// `PipeReducer`: every value goes to its stdin as `key<SEP>value`
/// (`stream.reduce.input.field.separator`), keys in byte order, so the program
/// sees each key's values together and notices a new key itself; every line it
/// prints becomes an output record, split by `stream.reduce.output.field.separator`
/// and `stream.num.reduce.output.key.fields` (a combiner's too, as in Hadoop).
public struct StreamingReducer: Reducer {
    let spec: StreamingTaskSpec
    private var task: StreamingTask?
    private var separator: [UInt8] = [9]

    /// A reducer running `spec`'s command.
    public init(spec: StreamingTaskSpec) { self.spec = spec }

    public mutating func setup(context: TaskContext) throws {
        separator = Array(context.configuration.string(StreamKey.reduceInputSeparator, default: "\t").utf8)
        task = try StreamingTask(spec: spec, context: context)
    }

    public mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        guard let task else { return }
        try separator.withUnsafeBytes { separator in
            while let value = values.next() {
                try task.writeLine(key, separator, value) { try output.emit(key: $0, value: $1) }
            }
        }
    }

    public mutating func cleanup(output: ReduceOutput) throws {
        try task?.finish { try output.emit(key: $0, value: $1) }
        task = nil
    }
}

/// The input formats a streaming job reads with.
public enum InputFormatName: String, Sendable, Hashable, CaseIterable {
    /// Lines; the key (the offset) is not given to the mapper.
    case text = "TextInputFormat"
    /// `key<TAB>value` lines.
    case keyValue = "KeyValueTextInputFormat"

    /// The format named by a Hadoop class name (either API) or its simple name.
    public init?(className: String) {
        let simple = className.split(separator: ".").last.map(String.init) ?? className
        guard let format = Self(rawValue: simple),
              className == simple || className == "org.apache.hadoop.mapred.\(simple)"
                || className == "org.apache.hadoop.mapreduce.lib.input.\(simple)" else { return nil }
        self = format
    }
}
