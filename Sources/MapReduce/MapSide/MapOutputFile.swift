/// A map task's output on its node's disk: one file holding a sorted segment per
/// reduce partition, like Hadoop's `file.out` and its index.
public struct MapOutputFile: Sendable, Hashable {
    /// The file's path.
    public var path: String
    /// One segment per partition, in partition order.
    public var segments: [Segment]
    /// The node whose disk holds the file.
    public var nodeName: String

    /// The file's total size.
    public var bytes: Int64 { segments.reduce(0) { $0 + $1.length } }
}

/// One partition's records inside a map output or spill file.
public struct Segment: Sendable, Hashable {
    /// Where the segment starts in its file.
    public var offset: Int64
    /// Its length in bytes.
    public var length: Int64
    /// The number of records in it.
    public var records: Int64
}

/// Accumulates the sort buffer into map output: the map side's interface to its buffer.
protocol MapOutputBuffer: AnyObject {
    /// Adds one record; may spill to disk.
    func collect(_ key: UnsafeRawPointer, _ keyCount: Int, _ value: UnsafeRawPointer, _ valueCount: Int) throws
    /// Spills what remains and merges all spills into the task's single output file.
    func finish() throws -> (path: String, segments: [Segment])
    /// Counters of the buffer's work: spilled records, combine input/output records.
    var counters: Counters { get }
}
