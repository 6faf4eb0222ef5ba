/// Collects a mapper's output records: into the sort buffer when the job has
/// reducers, straight into the part file when it is map-only.
public final class MapOutput {
    // Concrete buffer types, so the per-record call is direct, held unmanaged:
    // the map task holds the buffer strongly for as long as this output is used,
    // and calling through a managed reference costs a retain and release per record.
    private let aggregating: Unmanaged<AggregatingBuffer>?
    private let sorting: Unmanaged<SortingBuffer>?
    private let writer: (any RecordWriter)?
    private var keyScratch: [UInt8] = []
    private var valueScratch: [UInt8] = []
    /// Records emitted so far (Hadoop's "Map output records").
    private(set) var records: Int64 = 0
    /// Encoded bytes emitted so far (Hadoop's "Map output bytes").
    private(set) var bytes: Int64 = 0

    init(buffer: any MapOutputBuffer) {
        self.aggregating = (buffer as? AggregatingBuffer).map { Unmanaged.passUnretained($0) }
        self.sorting = (buffer as? SortingBuffer).map { Unmanaged.passUnretained($0) }
        self.writer = nil
    }

    init(writer: any RecordWriter) {
        self.aggregating = nil
        self.sorting = nil
        self.writer = writer
    }

    /// Emits a record given as encoded bytes: the fast path.
    @inline(__always)
    public func emit(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws {
        records += 1
        bytes += Int64(key.count + value.count)
        let keyBase = key.baseAddress ?? EmptyBytes.pointer
        let valueBase = value.baseAddress ?? EmptyBytes.pointer
        if let aggregating {
            try aggregating._withUnsafeGuaranteedRef { try $0.collect(keyBase, key.count, valueBase, value.count) }
        } else if let sorting {
            try sorting._withUnsafeGuaranteedRef { try $0.collect(keyBase, key.count, valueBase, value.count) }
        } else if let writer {
            try writer.write(key: key, value: value)
        }
    }

    /// Emits a record with a null value: map-only text output writes the key
    /// alone, like Hadoop's `NullWritable`; the shuffle carries an empty value.
    public func emit(key: UnsafeRawBufferPointer) throws {
        if let writer {
            records += 1
            bytes += Int64(key.count)
            try writer.write(key: key, value: nil)
        } else {
            try emit(key: key, value: EmptyBytes.buffer)
        }
    }

    /// Emits a record given as a pointer and length for the key and an encoded value.
    @inline(__always)
    public func emit(key: UnsafeRawPointer, count: Int, value: UnsafeRawBufferPointer) throws {
        try emit(key: UnsafeRawBufferPointer(start: key, count: count), value: value)
    }

    /// Emits a typed record: encoded for the shuffle, or in text form for map-only text output.
    public func emit<K: RecordCodable, V: RecordCodable>(_ key: K, _ value: V) throws {
        keyScratch.removeAll(keepingCapacity: true)
        valueScratch.removeAll(keepingCapacity: true)
        let asText = writer?.rendersText ?? false
        if asText {
            key.appendText(to: &keyScratch)
            value.appendText(to: &valueScratch)
        } else {
            key.encode(into: &keyScratch)
            value.encode(into: &valueScratch)
        }
        if asText && value.isNull, let writer {
            records += 1
            bytes += Int64(keyScratch.count)
            try keyScratch.withUnsafeBytes { try writer.write(key: $0, value: nil) }
            return
        }
        try keyScratch.withUnsafeBytes { k in
            try valueScratch.withUnsafeBytes { v in try emit(key: k, value: v) }
        }
    }
}
