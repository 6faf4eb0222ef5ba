/// The map-side sort buffer, like Hadoop's `MapOutputBuffer`: records are
/// appended to an arena sized by `mapreduce.task.io.sort.mb`; when the arena
/// and its metadata pass the spill threshold, the metadata is sorted by
/// (partition, key) and the records are spilled, combined if the job has a combiner.
///
/// Spills run synchronously on the map's thread; parallelism comes from
/// running map tasks side by side.
final class SortingBuffer: MapOutputBuffer {
    private let arena: UnsafeMutableRawPointer
    private let arenaCapacity: Int
    private var arenaUsed = 0
    private var entries: UnsafeMutablePointer<SortEntry>
    private var entryCapacity: Int
    private var entryCount = 0
    private let spillThreshold: Int
    private let partitions: Int
    private let partitioner: any Partitioner
    private let hashPartitioning: Bool
    private let spills: SpillSet

    var counters: Counters { spills.counters }

    init(budgetBytes: Int, spillPercent: Double, partitions: Int, partitioner: any Partitioner, spills: SpillSet) {
        self.arenaCapacity = max(budgetBytes, 64 << 10)
        self.arena = SortBufferPool.take(bytes: arenaCapacity)
        self.entryCapacity = 1 << 14
        self.entries = UnsafeMutablePointer<SortEntry>.allocate(capacity: entryCapacity)
        self.spillThreshold = Int(Double(arenaCapacity) * min(max(spillPercent, 0.05), 1.0))
        self.partitions = partitions
        self.partitioner = partitioner
        self.hashPartitioning = partitioner is HashPartitioner
        self.spills = spills
    }

    deinit {
        SortBufferPool.give(arena, bytes: arenaCapacity)
        entries.deallocate()
    }

    @inline(__always)
    func collect(_ key: UnsafeRawPointer, _ keyCount: Int, _ value: UnsafeRawPointer, _ valueCount: Int) throws {
        let size = keyCount + valueCount
        let metaBytes = (entryCount + 1) * MemoryLayout<SortEntry>.stride
        if arenaUsed + size + metaBytes > spillThreshold || arenaUsed + size > arenaCapacity {
            try spill()
            if size + MemoryLayout<SortEntry>.stride > spillThreshold {
                try spillAlone(key, keyCount, value, valueCount)
                return
            }
        }
        if entryCount == entryCapacity { growEntries() }
        let partition: Int
        if partitions == 1 {
            partition = 0
        } else if hashPartitioning {
            partition = HashPartitioner.partition(hash: StableHash.hash(key, count: keyCount), partitions: partitions)
        } else {
            partition = partitioner.partition(key: UnsafeRawBufferPointer(start: key, count: keyCount), partitions: partitions)
            guard partition >= 0 && partition < partitions else { throw PartitionError(partition: partition, partitions: partitions) }
        }
        if key + keyCount == value {
            (arena + arenaUsed).copyMemory(from: key, byteCount: size)  // adjacent, as in fixed-length records
        } else {
            (arena + arenaUsed).copyMemory(from: key, byteCount: keyCount)
            (arena + arenaUsed + keyCount).copyMemory(from: value, byteCount: valueCount)
        }
        entries[entryCount] = SortEntry(
            prefix: KeyBytes.prefix(key, count: keyCount),
            partition: UInt32(partition),
            keyOffset: UInt32(arenaUsed),
            keyLength: UInt32(keyCount),
            valueLength: UInt32(valueCount)
        )
        entryCount += 1
        arenaUsed += size
    }

    private func growEntries() {
        let bigger = UnsafeMutablePointer<SortEntry>.allocate(capacity: entryCapacity * 2)
        bigger.moveInitialize(from: entries, count: entryCount)
        entries.deallocate()
        entries = bigger
        entryCapacity *= 2
    }

    private func spill() throws {
        guard entryCount > 0 else { return }
        EntrySorter.sort(entries, count: entryCount, arena: arena, partitions: partitions)
        try spills.spill(entries, count: entryCount, arena: arena, combine: spills.combiner != nil)
        entryCount = 0
        arenaUsed = 0
    }

    /// A record larger than the whole buffer becomes a spill of its own, as in Hadoop.
    private func spillAlone(_ key: UnsafeRawPointer, _ keyCount: Int, _ value: UnsafeRawPointer, _ valueCount: Int) throws {
        let keyBuffer = UnsafeRawBufferPointer(start: key, count: keyCount)
        let partition = partitions == 1 ? 0 : partitioner.partition(key: keyBuffer, partitions: partitions)
        let joined = UnsafeMutableRawPointer.allocate(byteCount: keyCount + valueCount, alignment: 16)
        defer { joined.deallocate() }
        joined.copyMemory(from: key, byteCount: keyCount)
        (joined + keyCount).copyMemory(from: value, byteCount: valueCount)
        var entry = SortEntry(prefix: 0, partition: UInt32(partition), keyOffset: 0, keyLength: UInt32(keyCount), valueLength: UInt32(valueCount))
        try spills.spill(&entry, count: 1, arena: joined, combine: spills.combiner != nil)
    }

    func finish() throws -> (path: String, segments: [Segment]) {
        try spill()
        if spills.spills.isEmpty {
            // No output at all: an empty spill keeps one code path for the reducers.
            var none = SortEntry(prefix: 0, partition: 0, keyOffset: 0, keyLength: 0, valueLength: 0)
            try spills.spill(&none, count: 0, arena: arena, combine: false)
        }
        return try spills.finish()
    }
}

/// A partitioner returned a partition outside `0..<partitions`.
public struct PartitionError: Error, CustomStringConvertible, Sendable {
    /// The partition that was returned.
    public var partition: Int
    /// The number of reduce partitions.
    public var partitions: Int

    public var description: String {
        "the partitioner returned partition \(partition), outside 0..<\(partitions); it must return a number below mapreduce.job.reduces"
    }
}
