/// Chooses the reduce partition of an intermediate key, like Hadoop's `Partitioner`.
public protocol Partitioner: Sendable {
    /// The partition in `0..<partitions` for the encoded `key`.
    func partition(key: UnsafeRawBufferPointer, partitions: Int) -> Int
}

/// The default partitioner: a stable hash of the key's bytes modulo the
/// number of reducers (never `hashValue`, which changes from run to run).
public struct HashPartitioner: Partitioner {
    /// A hash partitioner.
    public init() {}

    @inline(__always)
    public func partition(key: UnsafeRawBufferPointer, partitions: Int) -> Int {
        Self.partition(hash: StableHash.hash(key), partitions: partitions)
    }

    @inline(__always)
    static func partition(hash: UInt64, partitions: Int) -> Int {
        Int(truncatingIfNeeded: (hash >> 1) % UInt64(partitions))
    }
}
