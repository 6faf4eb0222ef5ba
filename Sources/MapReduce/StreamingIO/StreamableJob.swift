/// A record type that can be read back from its text form (the inverse of
/// `appendText`), so records can travel as `key<TAB>value` lines.
public protocol TextParsable: RecordCodable {
    /// The value whose text form is `text`, or nil if `text` is not one.
    init?(text: UnsafeRawBufferPointer)
}

extension String: TextParsable {
    public init?(text: UnsafeRawBufferPointer) { self = String(decoding: text, as: UTF8.self) }
}

extension Int64: TextParsable {
    public init?(text: UnsafeRawBufferPointer) {
        guard let value = Int64(String(decoding: text, as: UTF8.self)) else { return nil }
        self = value
    }
}

extension Int: TextParsable {
    public init?(text: UnsafeRawBufferPointer) {
        guard let value = Int(String(decoding: text, as: UTF8.self)) else { return nil }
        self = value
    }
}

extension Double: TextParsable {
    public init?(text: UnsafeRawBufferPointer) {
        guard let value = Double(String(decoding: text, as: UTF8.self)) else { return nil }
        self = value
    }
}

extension Bytes: TextParsable {
    public init?(text: UnsafeRawBufferPointer) { self.init(Array(text)) }
}

/// A job whose map, combine and reduce functions also run as Hadoop Streaming
/// programs, unchanged: its intermediate key and value types say how a record
/// looks as a `key<TAB>value` line. `StreamingProgram.run` turns it into a
/// streaming mapper, combiner or reducer for `hadoop-streaming.jar`.
public protocol StreamableJob {
    /// The map output key.
    associatedtype Key: TextParsable
    /// The map output value.
    associatedtype Value: TextParsable
    /// Makes the mapper.
    static func makeMapper(configuration: JobConfiguration) -> any Mapper
    /// Makes the combiner, if the job has one.
    static func makeCombiner(configuration: JobConfiguration) -> (any Reducer)?
    /// Makes the reducer.
    static func makeReducer(configuration: JobConfiguration) -> any Reducer
}
