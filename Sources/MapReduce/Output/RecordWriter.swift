/// Where output records go: a part file, or a spill segment when a combiner runs.
protocol RecordWriter: AnyObject {
    /// True when typed records should be written in their text form.
    var rendersText: Bool { get }
    /// Writes one record; a nil value is a null value (a text line holds the key alone).
    func write(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer?) throws
    /// Records written so far.
    var records: Int64 { get }
    /// Flushes and closes.
    func close() throws
}

/// `key<SEP>value\n` lines, like Hadoop's `TextOutputFormat`.
final class TextRecordWriter: RecordWriter {
    private let file: BufferedFileWriter
    private let separator: [UInt8]
    private(set) var records: Int64 = 0
    var rendersText: Bool { true }
    var bytesWritten: Int64 { file.bytesWritten }

    init(path: String, separator: String, disk: any DiskAccountant) throws {
        self.file = try BufferedFileWriter(path: path, disk: disk)
        self.separator = Array(separator.utf8)
    }

    func write(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer?) throws {
        try file.write(key)
        if let value {
            try separator.withUnsafeBytes { try file.write($0) }
            try file.write(value)
        }
        try file.writeByte(10)
        records += 1
    }

    func close() throws { try file.close() }
}

/// Key bytes then value bytes, with nothing between records.
final class RawRecordWriter: RecordWriter {
    private let file: BufferedFileWriter
    private(set) var records: Int64 = 0
    var rendersText: Bool { false }
    var bytesWritten: Int64 { file.bytesWritten }

    init(path: String, disk: any DiskAccountant) throws {
        self.file = try BufferedFileWriter(path: path, disk: disk)
    }

    func write(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer?) throws {
        if let value, let keyBase = key.baseAddress, keyBase + key.count == value.baseAddress {
            try file.write(keyBase, count: key.count + value.count)
        } else {
            try file.write(key)
            if let value { try file.write(value) }
        }
        records += 1
    }

    func close() throws { try file.close() }
}

/// Serialized records of one shuffle segment: `varint keyLength, varint valueLength, key, value`.
final class SegmentRecordWriter: RecordWriter {
    let file: BufferedFileWriter
    private(set) var records: Int64 = 0
    var rendersText: Bool { false }

    init(file: BufferedFileWriter) { self.file = file }

    @inline(__always)
    func write(_ key: UnsafeRawPointer, _ keyCount: Int, _ value: UnsafeRawPointer, _ valueCount: Int) throws {
        try file.writeVarint(keyCount)
        try file.writeVarint(valueCount)
        if key + keyCount == value {
            try file.write(key, count: keyCount + valueCount)
        } else {
            try file.write(key, count: keyCount)
            try file.write(value, count: valueCount)
        }
        records += 1
    }

    func write(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer?) throws {
        let empty = EmptyBytes.pointer
        try write(key.baseAddress ?? empty, key.count, value?.baseAddress ?? empty, value?.count ?? 0)
    }

    func close() throws {}
}
