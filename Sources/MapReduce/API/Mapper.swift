/// Turns input records into intermediate key/value pairs, like Hadoop's `Mapper`.
///
/// A new mapper is made for every task attempt, so a mapper may keep state
/// between records. Records arrive as bytes that are valid only during the call.
public protocol Mapper {
    /// Called once before the first record.
    mutating func setup(context: TaskContext) throws
    /// Called for every record of the task's split.
    mutating func map(_ record: InputRecord, output: MapOutput) throws
    /// Called once after the last record.
    mutating func cleanup(output: MapOutput) throws
}

extension Mapper {
    public mutating func setup(context: TaskContext) throws {}
    public mutating func cleanup(output: MapOutput) throws {}
}

/// One input record: for text input the key is the line's byte offset and the
/// value its bytes, without the line terminator.
public struct InputRecord {
    /// The key's encoded bytes.
    public var key: UnsafeRawBufferPointer
    /// The value's encoded bytes.
    public var value: UnsafeRawBufferPointer
    /// The key as an integer, for formats whose keys are integers (text: the byte offset).
    public var offset: Int64

    /// A record with the given bytes.
    public init(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, offset: Int64) {
        self.key = key
        self.value = value
        self.offset = offset
    }
}

/// Passes every record through unchanged, like Hadoop's identity `Mapper`.
public struct IdentityMapper: Mapper {
    /// An identity mapper.
    public init() {}
    public mutating func map(_ record: InputRecord, output: MapOutput) throws {
        try output.emit(key: record.key, value: record.value)
    }
}
