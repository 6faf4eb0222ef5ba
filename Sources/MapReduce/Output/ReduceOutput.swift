/// Collects a reducer's (or combiner's) output records.
public final class ReduceOutput {
    let writer: any RecordWriter
    private var keyScratch: [UInt8] = []
    private var valueScratch: [UInt8] = []

    init(writer: any RecordWriter) { self.writer = writer }

    /// Writes a record given as encoded bytes.
    public func emit(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws {
        try writer.write(key: key, value: value)
    }

    /// Writes a record with a null value: a text line holds the key alone.
    public func emit(key: UnsafeRawBufferPointer) throws {
        try writer.write(key: key, value: nil)
    }

    /// Writes an encoded key with an `Int64` value (the common case of counting jobs).
    public func emit(key: UnsafeRawBufferPointer, int64 value: Int64) throws {
        valueScratch.removeAll(keepingCapacity: true)
        if writer.rendersText { value.appendText(to: &valueScratch) } else { value.encode(into: &valueScratch) }
        try valueScratch.withUnsafeBytes { try writer.write(key: key, value: $0) }
    }

    /// Writes a typed record: its text form for text output, its encoding otherwise.
    public func emit<K: RecordCodable, V: RecordCodable>(_ key: K, _ value: V) throws {
        keyScratch.removeAll(keepingCapacity: true)
        valueScratch.removeAll(keepingCapacity: true)
        if writer.rendersText {
            key.appendText(to: &keyScratch)
            value.appendText(to: &valueScratch)
        } else {
            key.encode(into: &keyScratch)
            value.encode(into: &valueScratch)
        }
        let isNull = value.isNull && writer.rendersText
        try keyScratch.withUnsafeBytes { k in
            try valueScratch.withUnsafeBytes { v in try writer.write(key: k, value: isNull ? nil : v) }
        }
    }
}
