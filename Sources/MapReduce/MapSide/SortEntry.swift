/// The metadata of one buffered record, sorted instead of the records themselves.
struct SortEntry {
    /// The key's first eight bytes, big-endian: most comparisons end here.
    var prefix: UInt64
    var partition: UInt32
    var keyOffset: UInt32
    var keyLength: UInt32
    var valueLength: UInt32
}

enum EntrySorter {
    /// Sorts `entries` by (partition, key bytes), with keys read from `arena`.
    ///
    /// An LSD radix sort on (partition, 8-byte prefix), skipping passes whose byte
    /// is the same for every entry, then a comparison sort of each run of equal
    /// prefixes on the full keys.
    /// - Complexity: O(n) for the radix passes plus O(r log r) per run of r equal prefixes.
    static func sort(_ entries: UnsafeMutablePointer<SortEntry>, count: Int, arena: UnsafeRawPointer, partitions: Int) {
        guard count > 1 else { return }
        if count < 64 {
            var all = UnsafeMutableBufferPointer(start: entries, count: count)
            all.sort { less($0, $1, arena) }
            return
        }
        let partitionBytes = partitions <= 1 ? 0 : (partitions <= 256 ? 1 : (partitions <= 65_536 ? 2 : 4))
        let passes = 8 + partitionBytes
        // One pass over the data counts every byte position's histogram.
        var histograms = [Int](repeating: 0, count: passes * 256)
        histograms.withUnsafeMutableBufferPointer { h in
            for i in 0..<count {
                let e = entries[i]
                var p = e.prefix
                for b in 0..<8 {
                    h[b * 256 + Int(p & 0xFF)] += 1
                    p >>= 8
                }
                var q = e.partition
                for b in 0..<partitionBytes {
                    h[(8 + b) * 256 + Int(q & 0xFF)] += 1
                    q >>= 8
                }
            }
        }
        let scratch = UnsafeMutablePointer<SortEntry>.allocate(capacity: count)
        defer { scratch.deallocate() }
        var source = entries
        var target = scratch
        histograms.withUnsafeMutableBufferPointer { h in
            for pass in 0..<passes {
                let base = pass * 256
                // Skip a pass whose byte is the same for every entry.
                var skip = false
                for bucket in 0..<256 where h[base + bucket] != 0 {
                    skip = h[base + bucket] == count
                    break
                }
                if skip { continue }
                var offsets = (0..<256).map { _ in 0 }
                var running = 0
                for bucket in 0..<256 {
                    offsets[bucket] = running
                    running += h[base + bucket]
                }
                offsets.withUnsafeMutableBufferPointer { o in
                    if pass < 8 {
                        let shift = UInt64(pass * 8)
                        for i in 0..<count {
                            let e = source[i]
                            let bucket = Int((e.prefix >> shift) & 0xFF)
                            target[o[bucket]] = e
                            o[bucket] += 1
                        }
                    } else {
                        let shift = UInt32((pass - 8) * 8)
                        for i in 0..<count {
                            let e = source[i]
                            let bucket = Int((e.partition >> shift) & 0xFF)
                            target[o[bucket]] = e
                            o[bucket] += 1
                        }
                    }
                }
                swap(&source, &target)
            }
        }
        if source != entries { entries.update(from: source, count: count) }
        // Resolve runs that tie on (partition, prefix) by comparing whole keys.
        var runStart = 0
        while runStart < count {
            var runEnd = runStart + 1
            let first = entries[runStart]
            var needsCompare = first.keyLength > 8
            while runEnd < count && entries[runEnd].prefix == first.prefix && entries[runEnd].partition == first.partition {
                if entries[runEnd].keyLength != first.keyLength || entries[runEnd].keyLength > 8 { needsCompare = true }
                runEnd += 1
            }
            if runEnd - runStart > 1 && needsCompare {
                var run = UnsafeMutableBufferPointer(start: entries + runStart, count: runEnd - runStart)
                run.sort { less($0, $1, arena) }
            }
            runStart = runEnd
        }
    }

    @inline(__always)
    static func less(_ a: SortEntry, _ b: SortEntry, _ arena: UnsafeRawPointer) -> Bool {
        if a.partition != b.partition { return a.partition < b.partition }
        if a.prefix != b.prefix { return a.prefix < b.prefix }
        return KeyBytes.compare(arena + Int(a.keyOffset), Int(a.keyLength), arena + Int(b.keyOffset), Int(b.keyLength)) < 0
    }
}
