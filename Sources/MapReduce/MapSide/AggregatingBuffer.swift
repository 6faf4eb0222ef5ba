/// A map-side buffer for jobs whose combiner folds fixed-width values (a sum,
/// a max): instead of buffering every record it keeps one entry per distinct
/// key in an open-addressing hash table and folds each new value into it.
/// When the table and its keys pass the spill threshold the entries are
/// sorted by (partition, key) and spilled, exactly as the sort buffer would
/// after combining.
///
/// This is the combiner applied once per record as it is collected, which
/// Hadoop's contract allows; counters report it as such (every map output
/// record is a combine input record; every spilled entry a combine output record).
final class AggregatingBuffer: MapOutputBuffer {
    private struct Entry {
        var hash: UInt64
        var keyOffset: UInt32
        var keyLength: UInt32
        var partition: UInt32
    }

    private let fold: any FoldingCombiner
    private let valueWidth: Int
    private let arena: UnsafeMutableRawPointer
    private let arenaCapacity: Int
    private var arenaUsed = 0
    private var entries: UnsafeMutablePointer<Entry>
    private var entryCapacity: Int
    private var entryCount = 0
    /// Slots hold an entry index + 1 in the low 32 bits and the hash's top 32 bits above.
    private var slots: UnsafeMutablePointer<UInt64>
    private var slotMask: Int
    private let spillThreshold: Int
    private let partitions: Int
    private let partitioner: any Partitioner
    private let hashPartitioning: Bool
    private let spills: SpillSet
    private var collectedSinceSpill: Int64 = 0

    var counters: Counters { spills.counters }

    init(fold: any FoldingCombiner, budgetBytes: Int, spillPercent: Double, partitions: Int, partitioner: any Partitioner, spills: SpillSet) {
        self.fold = fold
        self.valueWidth = fold.valueWidth
        self.arenaCapacity = max(budgetBytes, 64 << 10)
        self.arena = UnsafeMutableRawPointer.allocate(byteCount: arenaCapacity, alignment: 16)
        self.entryCapacity = 1 << 12
        self.entries = UnsafeMutablePointer<Entry>.allocate(capacity: entryCapacity)
        self.slotMask = (1 << 13) - 1
        self.slots = UnsafeMutablePointer<UInt64>.allocate(capacity: slotMask + 1)
        self.slots.initialize(repeating: 0, count: slotMask + 1)
        self.spillThreshold = Int(Double(arenaCapacity) * min(max(spillPercent, 0.05), 1.0))
        self.partitions = partitions
        self.partitioner = partitioner
        self.hashPartitioning = partitioner is HashPartitioner
        self.spills = spills
    }

    deinit {
        arena.deallocate()
        entries.deallocate()
        slots.deallocate()
    }

    @inline(__always)
    func collect(_ key: UnsafeRawPointer, _ keyCount: Int, _ value: UnsafeRawPointer, _ valueCount: Int) throws {
        guard valueCount == valueWidth else {
            throw CombinerError(message: "the folding combiner takes \(valueWidth)-byte values, but the mapper emitted a \(valueCount)-byte value")
        }
        collectedSinceSpill += 1
        let hash = StableHash.hash(key, count: keyCount)
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let content = slots[slot]
            if content == 0 { break }
            if content >> 32 == tag {
                let entry = entries[Int(content & 0xFFFF_FFFF) - 1]
                if Int(entry.keyLength) == keyCount && memcmp(arena + Int(entry.keyOffset), key, keyCount) == 0 {
                    fold.fold(into: arena + Int(entry.keyOffset) + keyCount, value: value)
                    return
                }
            }
            slot = (slot + 1) & slotMask
        }
        // A new key.
        let size = keyCount + valueWidth
        if arenaUsed + size + footprint(adding: 1) > spillThreshold {
            if entryCount == 0 {
                throw CombinerError(message: "a \(keyCount)-byte key does not fit in the sort buffer; raise \(ConfigKey.sortMB)")
            }
            collectedSinceSpill -= 1
            try spill()
            try collect(key, keyCount, value, valueCount)
            return
        }
        let partition: Int
        if partitions == 1 {
            partition = 0
        } else if hashPartitioning {
            partition = HashPartitioner.partition(hash: hash, partitions: partitions)
        } else {
            partition = partitioner.partition(key: UnsafeRawBufferPointer(start: key, count: keyCount), partitions: partitions)
            guard partition >= 0 && partition < partitions else { throw PartitionError(partition: partition, partitions: partitions) }
        }
        if entryCount == entryCapacity { growEntries() }
        (arena + arenaUsed).copyMemory(from: key, byteCount: keyCount)
        (arena + arenaUsed + keyCount).copyMemory(from: value, byteCount: valueWidth)
        entries[entryCount] = Entry(hash: hash, keyOffset: UInt32(arenaUsed), keyLength: UInt32(keyCount), partition: UInt32(partition))
        entryCount += 1
        arenaUsed += size
        slots[slot] = tag << 32 | UInt64(entryCount)
        if entryCount * 2 > slotMask { growSlots() }
    }

    private func footprint(adding extra: Int) -> Int {
        (entryCount + extra) * (MemoryLayout<Entry>.stride + MemoryLayout<SortEntry>.stride) + (slotMask + 1) * 8
    }

    private func growEntries() {
        let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: entryCapacity * 2)
        bigger.moveInitialize(from: entries, count: entryCount)
        entries.deallocate()
        entries = bigger
        entryCapacity *= 2
    }

    private func growSlots() {
        let newMask = (slotMask + 1) * 2 - 1
        let bigger = UnsafeMutablePointer<UInt64>.allocate(capacity: newMask + 1)
        bigger.initialize(repeating: 0, count: newMask + 1)
        for index in 0..<entryCount {
            let hash = entries[index].hash
            var slot = Int(truncatingIfNeeded: hash) & newMask
            while bigger[slot] != 0 { slot = (slot + 1) & newMask }
            bigger[slot] = (hash >> 32) << 32 | UInt64(index + 1)
        }
        slots.deallocate()
        slots = bigger
        slotMask = newMask
    }

    private func spill() throws {
        guard entryCount > 0 else { return }
        let sorted = UnsafeMutablePointer<SortEntry>.allocate(capacity: entryCount)
        defer { sorted.deallocate() }
        for index in 0..<entryCount {
            let e = entries[index]
            sorted[index] = SortEntry(
                prefix: KeyBytes.prefix(arena + Int(e.keyOffset), count: Int(e.keyLength)),
                partition: e.partition,
                keyOffset: e.keyOffset,
                keyLength: e.keyLength,
                valueLength: UInt32(valueWidth)
            )
        }
        EntrySorter.sort(sorted, count: entryCount, arena: arena, partitions: partitions)
        try spills.spill(sorted, count: entryCount, arena: arena, combine: false)
        spills.counters[.combineInputRecords] += collectedSinceSpill
        spills.counters[.combineOutputRecords] += Int64(entryCount)
        collectedSinceSpill = 0
        entryCount = 0
        arenaUsed = 0
        slots.update(repeating: 0, count: slotMask + 1)
    }

    func finish() throws -> (path: String, segments: [Segment]) {
        try spill()
        if spills.spills.isEmpty {
            var none = SortEntry(prefix: 0, partition: 0, keyOffset: 0, keyLength: 0, valueLength: 0)
            try spills.spill(&none, count: 0, arena: arena, combine: false)
        }
        return try spills.finish()
    }
}

/// A combiner that cannot fold what the mapper emitted.
public struct CombinerError: Error, CustomStringConvertible, Sendable {
    /// What went wrong and what to do.
    public var message: String
    public var description: String { message }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
