/// A map-side buffer for jobs whose combiner folds fixed-width values (a sum,
/// a max): instead of buffering every record it keeps one entry per distinct
/// key in an open-addressing hash table and folds each new value into it.
/// When the table passes the spill threshold its entries are sorted by
/// (partition, key) and spilled, exactly as the sort buffer would after combining.
///
/// This is the combiner applied once per record as it is collected, which
/// Hadoop's contract allows; counters report it as such (every map output
/// record is a combine input record; every spilled entry a combine output record).
///
/// Layout, chosen so that looking up a key of up to 16 bytes (nearly every
/// word) touches one cache line: a slot is `[key bytes 0..<16][meta][value]`,
/// the key zero-padded, and meta packs an occupied bit, 15 bits of hash, the
/// key length and, for longer keys, the offset of the whole key in a side arena.
final class AggregatingBuffer: MapOutputBuffer {
    private let fold: any FoldingCombiner
    /// The common case, summing `Int64`s, is folded inline rather than through the protocol.
    private let sumsInt64: Bool
    private let valueWidth: Int
    private let stride: Int
    private var slots: UnsafeMutableRawPointer
    private var slotMask: Int
    private var entryCount = 0
    /// Keys longer than eight bytes, stored whole.
    private var longKeys: UnsafeMutableRawPointer
    private var longKeysCapacity: Int
    private var longKeysUsed = 0
    private let budget: Int
    private let partitions: Int
    private let partitioner: any Partitioner
    private let hashPartitioning: Bool
    private let spills: SpillSet
    private var collectedSinceSpill: Int64 = 0

    var counters: Counters { spills.counters }

    private static let occupied: UInt64 = 1 << 63
    private static let inlineKeyBytes = 16
    private static let metaOffset = 16
    private static let valueOffset = 24
    private static let maxKeyLength = 0xFFFF

    init(fold: any FoldingCombiner, budgetBytes: Int, spillPercent: Double, partitions: Int, partitioner: any Partitioner, spills: SpillSet) {
        self.fold = fold
        self.sumsInt64 = fold is LongSumReducer
        self.valueWidth = fold.valueWidth
        self.stride = Self.valueOffset + (fold.valueWidth + 7) & ~7
        self.slotMask = (1 << 12) - 1
        self.slots = UnsafeMutableRawPointer.allocate(byteCount: (slotMask + 1) * stride, alignment: 64)
        self.slots.initializeMemory(as: UInt8.self, repeating: 0, count: (slotMask + 1) * stride)
        self.longKeysCapacity = 1 << 16
        self.longKeys = UnsafeMutableRawPointer.allocate(byteCount: longKeysCapacity, alignment: 16)
        self.budget = Int(Double(max(budgetBytes, 64 << 10)) * min(max(spillPercent, 0.05), 1.0))
        self.partitions = partitions
        self.partitioner = partitioner
        self.hashPartitioning = partitioner is HashPartitioner
        self.spills = spills
        self.batchKeys = UnsafeMutableRawPointer.allocate(byteCount: batchKeysCapacity, alignment: 16)
        self.batchValues = UnsafeMutableRawPointer.allocate(byteCount: Self.batchCapacity * max(fold.valueWidth, 1), alignment: 16)
        self.batchEntries = UnsafeMutablePointer.allocate(capacity: Self.batchCapacity)
    }

    deinit {
        slots.deallocate()
        longKeys.deallocate()
        batchKeys.deallocate()
        batchValues.deallocate()
        batchEntries.deallocate()
    }

    // Records are collected in small batches so that the table's cache misses
    // overlap: a batch's slots are all loaded before any is probed. Keys and
    // values are copied into the batch, so callers may reuse their buffers.
    private static let batchCapacity = 32
    private var batchKeys: UnsafeMutableRawPointer
    private var batchKeysCapacity = 4096
    private var batchKeysUsed = 0
    private let batchValues: UnsafeMutableRawPointer
    private var batchEntries: UnsafeMutablePointer<(offset: Int, count: Int, hash: UInt64)>
    private var batchCount = 0
    /// Keeps the prefetching loads of a batch from being optimised away.
    private var touched: UInt64 = 0

    @inline(__always)
    func collect(_ key: UnsafeRawPointer, _ keyCount: Int, _ value: UnsafeRawPointer, _ valueCount: Int) throws {
        guard valueCount == valueWidth, keyCount <= Self.maxKeyLength else { throw badRecord(keyCount, valueCount) }
        if batchKeysUsed + keyCount + 16 > batchKeysCapacity { growBatchKeys(keyCount) }
        // The batch holds each key zero-padded to at least 16 bytes, the slot's inline form.
        let copy = batchKeys + batchKeysUsed
        let hash: UInt64
        if keyCount <= Self.inlineKeyBytes {
            let low = KeyWord.load(key, count: min(keyCount, 8))
            let high = keyCount > 8 ? KeyWord.load(key + 8, count: keyCount - 8) : 0
            copy.storeBytes(of: low.littleEndian, as: UInt64.self)
            copy.storeBytes(of: high.littleEndian, toByteOffset: 8, as: UInt64.self)
            hash = keyCount <= 8 ? StableHash.hash(word: low, count: keyCount) : StableHash.hash(key, count: keyCount)
        } else {
            copy.copyMemory(from: key, byteCount: keyCount)
            hash = StableHash.hash(key, count: keyCount)
        }
        if valueWidth == 8 {
            (batchValues + batchCount &* 8).storeBytes(of: value.loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else {
            (batchValues + batchCount * valueWidth).copyMemory(from: value, byteCount: valueWidth)
        }
        batchEntries[batchCount] = (batchKeysUsed, keyCount, hash)
        batchKeysUsed += max(Self.inlineKeyBytes, (keyCount + 7) & ~7)
        batchCount += 1
        if batchCount == Self.batchCapacity { try flushBatch() }
    }

    private func growBatchKeys(_ need: Int) {
        var capacity = batchKeysCapacity * 2
        while capacity < batchKeysUsed + need + 16 { capacity *= 2 }
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        bigger.copyMemory(from: batchKeys, byteCount: batchKeysUsed)
        batchKeys.deallocate()
        batchKeys = bigger
        batchKeysCapacity = capacity
    }

    /// Probes the table for every batched record, after touching all their slots.
    private func flushBatch() throws {
        let count = batchCount
        guard count > 0 else { return }
        var sink: UInt64 = 0
        for i in 0..<count {
            let slot = Int(truncatingIfNeeded: batchEntries[i].hash) & slotMask
            sink &+= (slots + slot &* stride).load(fromByteOffset: Self.metaOffset, as: UInt64.self)
        }
        touched = sink
        for i in 0..<count {
            let entry = batchEntries[i]
            try probe(batchKeys + entry.offset, entry.count, hash: entry.hash, value: batchValues + i * valueWidth)
        }
        batchCount = 0
        batchKeysUsed = 0
    }

    @inline(__always)
    private func probe(_ key: UnsafeRawPointer, _ keyCount: Int, hash: UInt64, value: UnsafeRawPointer) throws {
        collectedSinceSpill &+= 1
        // `key` is the batch's padded copy: its first 16 bytes are the slot's inline form.
        let low = key.load(as: UInt64.self)
        let high = key.load(fromByteOffset: 8, as: UInt64.self)
        // occupied | 15 hash bits | 16 bits of length; the low 32 bits hold the long-key offset.
        let tag = Self.occupied | (hash >> 49) << 48 | UInt64(keyCount) << 32
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let base = slots + slot &* stride
            let meta = base.load(fromByteOffset: Self.metaOffset, as: UInt64.self)
            if meta == 0 { break }
            if meta & 0xFFFF_FFFF_0000_0000 == tag && base.load(as: UInt64.self) == low && base.load(fromByteOffset: 8, as: UInt64.self) == high {
                if keyCount <= Self.inlineKeyBytes || memcmp(longKeys + Int(meta & 0xFFFF_FFFF), key, keyCount) == 0 {
                    if sumsInt64 {
                        let sum = Int64.decodedBits(base.load(fromByteOffset: Self.valueOffset, as: UInt64.self))
                            &+ Int64.decodedBits(value.loadUnaligned(as: UInt64.self))
                        base.storeBytes(of: Int64.encodedBits(sum), toByteOffset: Self.valueOffset, as: UInt64.self)
                    } else {
                        fold.fold(into: base + Self.valueOffset, value: value)
                    }
                    return
                }
            }
            slot = (slot &+ 1) & slotMask
        }
        try insert(key, keyCount, low: low, high: high, hash: hash, tag: tag, value: value, slot: slot)
    }

    private func badRecord(_ keyCount: Int, _ valueCount: Int) -> CombinerError {
        if valueCount != valueWidth {
            return CombinerError(message: "the folding combiner takes \(valueWidth)-byte values, but the mapper emitted a \(valueCount)-byte value")
        }
        return CombinerError(message: "a \(keyCount)-byte key is longer than the \(Self.maxKeyLength) bytes a folding combiner accepts")
    }

    /// Bytes in use: the table, long keys, and the sort entries and staging a spill will need.
    private func footprint(entries: Int, table: Int) -> Int {
        table * stride + longKeysUsed + entries * (MemoryLayout<SortEntry>.stride + Self.inlineKeyBytes + valueWidth)
    }

    private func insert(_ key: UnsafeRawPointer, _ keyCount: Int, low: UInt64, high: UInt64, hash: UInt64, tag: UInt64, value: UnsafeRawPointer, slot: Int) throws {
        let longBytes = keyCount > Self.inlineKeyBytes ? keyCount : 0
        let growing = (entryCount + 1) * 2 > slotMask
        if footprint(entries: entryCount + 1, table: (slotMask + 1) * (growing ? 2 : 1)) + longBytes > budget && entryCount > 0 {
            collectedSinceSpill -= 1
            try spill()
            try probe(key, keyCount, hash: hash, value: value)
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
        var meta = tag
        if keyCount > Self.inlineKeyBytes {
            if longKeysUsed + keyCount > longKeysCapacity { growLongKeys(keyCount) }
            (longKeys + longKeysUsed).copyMemory(from: key, byteCount: keyCount)
            meta |= UInt64(longKeysUsed)
            longKeysUsed += keyCount
        }
        let base = slots + slot * stride
        base.storeBytes(of: low, as: UInt64.self)
        base.storeBytes(of: high, toByteOffset: 8, as: UInt64.self)
        base.storeBytes(of: meta, toByteOffset: Self.metaOffset, as: UInt64.self)
        (base + Self.valueOffset).copyMemory(from: value, byteCount: valueWidth)
        partitionOf(base, set: partition)
        entryCount += 1
        if entryCount * 2 > slotMask { growSlots() }
    }

    /// Partitions of table entries live in a side array keyed by slot; rebuilt on growth.
    private var partitionBySlot: [UInt32] = []

    @inline(__always)
    private func partitionOf(_ base: UnsafeMutableRawPointer, set partition: Int) {
        guard partitions > 1 else { return }
        if partitionBySlot.count != slotMask + 1 { partitionBySlot = Array(repeating: 0, count: slotMask + 1) }
        partitionBySlot[(base - slots) / stride] = UInt32(partition)
    }

    private func growLongKeys(_ need: Int) {
        var capacity = longKeysCapacity * 2
        while capacity < longKeysUsed + need { capacity *= 2 }
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        bigger.copyMemory(from: longKeys, byteCount: longKeysUsed)
        longKeys.deallocate()
        longKeys = bigger
        longKeysCapacity = capacity
    }

    private func growSlots() {
        let oldSlots = slots
        let oldCount = slotMask + 1
        let oldPartitions = partitionBySlot
        let newMask = oldCount * 2 - 1
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: (newMask + 1) * stride, alignment: 64)
        bigger.initializeMemory(as: UInt8.self, repeating: 0, count: (newMask + 1) * stride)
        var newPartitions = partitions > 1 ? [UInt32](repeating: 0, count: newMask + 1) : []
        for index in 0..<oldCount {
            let base = oldSlots + index * stride
            let meta = base.load(fromByteOffset: Self.metaOffset, as: UInt64.self)
            guard meta != 0 else { continue }
            let hash = rehash(base, meta: meta)
            var slot = Int(truncatingIfNeeded: hash) & newMask
            while bigger.load(fromByteOffset: slot * stride + Self.metaOffset, as: UInt64.self) != 0 { slot = (slot + 1) & newMask }
            (bigger + slot * stride).copyMemory(from: base, byteCount: stride)
            if partitions > 1 { newPartitions[slot] = oldPartitions[index] }
        }
        oldSlots.deallocate()
        slots = bigger
        slotMask = newMask
        partitionBySlot = newPartitions
    }

    private func rehash(_ base: UnsafeMutableRawPointer, meta: UInt64) -> UInt64 {
        // Inline keys are stored in their original byte order, so they hash in place.
        let keyCount = Int((meta >> 32) & 0xFFFF)
        return StableHash.hash(keyCount <= Self.inlineKeyBytes ? UnsafeRawPointer(base) : UnsafeRawPointer(longKeys + Int(meta & 0xFFFF_FFFF)), count: keyCount)
    }

    private func spill() throws {
        guard entryCount > 0 else { return }
        // Stage each entry as [value][key] so the shared spill writer can read it.
        let staging = UnsafeMutableRawPointer.allocate(byteCount: entryCount * (valueWidth + Self.inlineKeyBytes) + longKeysUsed + 16, alignment: 16)
        defer { staging.deallocate() }
        let sorted = UnsafeMutablePointer<SortEntry>.allocate(capacity: entryCount)
        defer { sorted.deallocate() }
        var used = 0
        var index = 0
        for slot in 0...slotMask {
            let base = slots + slot * stride
            let meta = base.load(fromByteOffset: Self.metaOffset, as: UInt64.self)
            guard meta != 0 else { continue }
            let keyCount = Int((meta >> 32) & 0xFFFF)
            (staging + used).copyMemory(from: base + Self.valueOffset, byteCount: valueWidth)
            let keyOffset = used + valueWidth
            let keySource = keyCount <= Self.inlineKeyBytes ? UnsafeRawPointer(base) : UnsafeRawPointer(longKeys + Int(meta & 0xFFFF_FFFF))
            (staging + keyOffset).copyMemory(from: keySource, byteCount: keyCount)
            sorted[index] = SortEntry(
                prefix: KeyBytes.prefix(staging + keyOffset, count: keyCount),
                partition: partitions > 1 ? partitionBySlot[slot] : 0,
                keyOffset: UInt32(keyOffset),
                keyLength: UInt32(keyCount),
                valueLength: UInt32(valueWidth)
            )
            used = keyOffset + keyCount
            index += 1
        }
        EntrySorter.sort(sorted, count: entryCount, arena: staging, partitions: partitions)
        try spills.spill(sorted, count: entryCount, arena: staging, valueBefore: valueWidth)
        spills.counters[.combineInputRecords] += collectedSinceSpill
        spills.counters[.combineOutputRecords] += Int64(entryCount)
        collectedSinceSpill = 0
        entryCount = 0
        longKeysUsed = 0
        slots.initializeMemory(as: UInt8.self, repeating: 0, count: (slotMask + 1) * stride)
    }

    func finish() throws -> (path: String, segments: [Segment]) {
        try flushBatch()
        try spill()
        if spills.spills.isEmpty {
            var none = SortEntry(prefix: 0, partition: 0, keyOffset: 0, keyLength: 0, valueLength: 0)
            try spills.spill(&none, count: 0, arena: slots, combine: false)
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
