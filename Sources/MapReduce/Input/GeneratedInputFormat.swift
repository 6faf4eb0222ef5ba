/// Input that is generated rather than read, like TeraGen's `RangeInputFormat`:
/// the items `0..<count` are cut into `tasks` contiguous ranges, one map each.
public struct GeneratedInputFormat: InputFormat {
    /// How a range turns into records.
    public enum Records: Sendable {
        /// One record per item; its key is the item number (`Int64`), its value empty.
        case eachItem
        /// One record per range; key = first item (`Int64`), value = item count (`Int64`).
        case wholeRange
    }

    /// The number of items.
    public var count: Int64
    /// The number of map tasks.
    public var tasks: Int
    /// How ranges become records.
    public var records: Records

    /// Generated input of `count` items over `tasks` maps.
    public init(count: Int64, tasks: Int, records: Records) {
        self.count = count
        self.tasks = tasks
        self.records = records
    }

    public func splits(configuration: JobConfiguration) throws -> [InputSplit] {
        guard count >= 0 else { throw InputError("cannot generate \(count) items; give a count of 0 or more") }
        let tasks = Int64(max(1, min(Int64(self.tasks), max(count, 1))))
        // Even ranges, the first `count % tasks` one item longer; no product can overflow.
        let base = count / tasks
        let extra = count % tasks
        var splits: [InputSplit] = []
        var first: Int64 = 0
        for task in 0..<tasks {
            let length = base + (task < extra ? 1 : 0)
            splits.append(InputSplit(path: nil, start: first, length: length, index: Int(task)))
            first += length
        }
        return splits
    }

    public func makeReader(for split: InputSplit, configuration: JobConfiguration) throws -> any RecordReader {
        GeneratedRecordReader(split: split, records: records)
    }
}

struct GeneratedRecordReader: RecordReader {
    let split: InputSplit
    let records: GeneratedInputFormat.Records
    var bytesRead: Int64 { 0 }

    mutating func read(_ body: (InputRecord, Double) throws -> Void) throws {
        var key: UInt64 = 0
        var value: UInt64 = 0
        switch records {
        case .wholeRange:
            key = Int64.encodedBits(split.start)
            value = Int64.encodedBits(split.length)
            try withUnsafeBytes(of: &key) { k in
                try withUnsafeBytes(of: &value) { v in
                    try body(InputRecord(key: k, value: v, offset: split.start), 0)
                }
            }
        case .eachItem:
            let empty = UnsafeRawBufferPointer(start: nil, count: 0)
            let total = Double(max(split.length, 1))
            for item in split.start..<(split.start + split.length) {
                key = Int64.encodedBits(item)
                try withUnsafeBytes(of: &key) { k in
                    try body(InputRecord(key: k, value: empty, offset: item), Double(item - split.start) / total)
                }
            }
        }
    }
}
