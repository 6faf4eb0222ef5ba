/// A sorted stream of serialized records, positioned on its current record.
protocol RecordStream: AnyObject {
    /// Moves to the next record; false at the end.
    func advance() throws -> Bool
    var currentKey: UnsafeRawBufferPointer { get }
    var currentValue: UnsafeRawBufferPointer { get }
}

extension MergeQueue: RecordStream {
    var currentKey: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: key, count: keyLength) }
    var currentValue: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: value, count: valueLength) }
}

/// The sorted records of one partition still in the sort buffer.
final class BufferedRunStream: RecordStream {
    private let entries: UnsafeMutablePointer<SortEntry>
    private let arena: UnsafeRawPointer
    private var index: Int
    private let end: Int

    init(entries: UnsafeMutablePointer<SortEntry>, range: Range<Int>, arena: UnsafeRawPointer) {
        self.entries = entries
        self.arena = arena
        self.index = range.lowerBound - 1
        self.end = range.upperBound
    }

    func advance() throws -> Bool {
        index += 1
        return index < end
    }

    var currentKey: UnsafeRawBufferPointer {
        let e = entries[index]
        return UnsafeRawBufferPointer(start: arena + Int(e.keyOffset), count: Int(e.keyLength))
    }

    var currentValue: UnsafeRawBufferPointer {
        let e = entries[index]
        return UnsafeRawBufferPointer(start: arena + Int(e.keyOffset) + Int(e.keyLength), count: Int(e.valueLength))
    }
}

/// Runs `body` once per distinct key of a sorted stream, with an iterator over that key's values.
/// Returns the number of groups and of records consumed.
func forEachGroup(
    of stream: any RecordStream,
    _ body: (UnsafeRawBufferPointer, inout ValueIterator) throws -> Void
) throws -> (groups: Int64, records: Int64) {
    var groups: Int64 = 0
    var records: Int64 = 0
    var keyScratch = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 16)
    var keyCapacity = 256
    defer { keyScratch.deallocate() }
    var hasRecord = try stream.advance()
    while hasRecord {
        let key = stream.currentKey
        if key.count > keyCapacity {
            keyScratch.deallocate()
            keyCapacity = max(key.count, keyCapacity * 2)
            keyScratch = UnsafeMutableRawPointer.allocate(byteCount: keyCapacity, alignment: 16)
        }
        if key.count > 0, let base = key.baseAddress { keyScratch.copyMemory(from: base, byteCount: key.count) }
        let groupKey = UnsafeRawBufferPointer(start: keyScratch, count: key.count)
        var values = ValueIterator(stream: stream, key: groupKey)
        try body(groupKey, &values)
        while values.next() != nil {}
        if let error = values.error { throw error }
        groups += 1
        records += values.consumed
        hasRecord = !values.exhausted
    }
    return (groups, records)
}
