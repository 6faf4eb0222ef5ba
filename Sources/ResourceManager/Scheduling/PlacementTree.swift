/// Tournament trees over node slots that find a node for a container without
/// scanning every node.
///
/// There is one tree per vcore band `b` (0…3), ranking the slots with at least
/// 2^b free vcores by free memory. Each entry holds the most free memory below
/// it and the slot that has it, lowest slot first among equals. A container
/// asking for v vcores is looked up in the band of the largest power of two
/// ≤ v, so every slot offered there has enough vcores when v is 1, 2, 4 or 8 —
/// YARN's usual sizes — and the answer is read at the root. One tree ranking
/// memory alone was slow on clusters that run out of vcores first: the nodes
/// richest in memory were exactly the ones without a core to spare, and each
/// lookup had to search past them.
///
/// Slots that cannot take containers (a free slot, or a node that is not
/// `RUNNING`) hold -1 in every band.
struct PlacementTree: Sendable {
    private static let bandCount = 4

    /// Number of leaves, a power of two; leaf `slot` is entry `leafCount + slot`.
    private(set) var leafCount: Int
    /// Most free memory below entry `i` in band `b`, at `i * bandCount + b`.
    private var bestMemoryMB: [Int]
    /// The slot holding `bestMemoryMB` at the same position.
    private var bestSlot: [Int32]
    /// Each slot's free resources, -1 when it cannot take containers.
    private var leafMemoryMB: [Int]
    private var leafVcores: [Int]

    init() {
        leafCount = 1
        bestMemoryMB = [Int](repeating: -1, count: 2 * Self.bandCount)
        bestSlot = [Int32](repeating: -1, count: 2 * Self.bandCount)
        leafMemoryMB = [-1]
        leafVcores = [-1]
    }

    /// Sets a slot's free resources; `nil` makes the slot ineligible.
    ///
    /// - Complexity: O(log n), stopping early once an entry is unchanged; O(n)
    ///   when the slot outgrows the tree, which doubles it, so amortized
    ///   O(log n) over a run of additions.
    mutating func update(slot: Int, free: Resources?) {
        if slot >= leafCount { grow(toHold: slot) }
        let memoryMB = free?.memoryMB ?? -1
        let vcores = free?.vcores ?? -1
        leafMemoryMB[slot] = memoryMB
        leafVcores[slot] = vcores
        let bands = Self.bandCount
        let leafBase = (leafCount + slot) * bands
        for band in 0..<bands {
            let eligible = memoryMB >= 0 && vcores >= 1 << band
            bestMemoryMB[leafBase + band] = eligible ? memoryMB : -1
            bestSlot[leafBase + band] = eligible ? Int32(slot) : -1
        }
        var index = (leafCount + slot) / 2
        while index >= 1 {
            guard recompute(index) else { return }
            index /= 2
        }
    }

    /// The slot that should take a container of `request`, or nil if no
    /// eligible slot fits it.
    ///
    /// - Complexity: O(1) for `.spread` when the request's vcores are 1, 2, 4
    ///   or 8, and whenever nothing fits; otherwise a pruned search, O(log n)
    ///   when the best candidate by memory has the vcores, up to O(n) when
    ///   many nodes have the memory but too few vcores. The same bounds with
    ///   O(log n) for the power-of-two case hold for `.firstFit`.
    func slot(for request: Resources, policy: PlacementPolicy) -> Int? {
        let band = Self.band(forVcores: request.vcores)
        guard bestMemoryMB[Self.bandCount + band] >= request.memoryMB else { return nil }
        switch policy {
        case .spread:
            var best = (slot: -1, memoryMB: -1)
            searchMostFreeMemory(from: 1, band: band, for: request, best: &best)
            return best.slot >= 0 ? best.slot : nil
        case .firstFit:
            return searchLowestSlot(from: 1, band: band, for: request)
        }
    }

    private static func band(forVcores vcores: Int) -> Int {
        var band = 0
        while band + 1 < bandCount, vcores >= 1 << (band + 1) { band += 1 }
        return band
    }

    /// Best-first search with pruning: a subtree whose most-free-memory slot
    /// also has the vcores needs no further look.
    private func searchMostFreeMemory(from index: Int, band: Int, for request: Resources, best: inout (slot: Int, memoryMB: Int)) {
        let position = index * Self.bandCount + band
        let memoryMB = bestMemoryMB[position]
        guard memoryMB >= request.memoryMB, memoryMB >= best.memoryMB else { return }
        let candidate = Int(bestSlot[position])
        if leafVcores[candidate] >= request.vcores {
            if memoryMB > best.memoryMB || candidate < best.slot { best = (candidate, memoryMB) }
            return
        }
        guard index < leafCount else { return }
        let left = 2 * index
        let right = left + 1
        if bestMemoryMB[right * Self.bandCount + band] > bestMemoryMB[left * Self.bandCount + band] {
            searchMostFreeMemory(from: right, band: band, for: request, best: &best)
            searchMostFreeMemory(from: left, band: band, for: request, best: &best)
        } else {
            searchMostFreeMemory(from: left, band: band, for: request, best: &best)
            searchMostFreeMemory(from: right, band: band, for: request, best: &best)
        }
    }

    private func searchLowestSlot(from index: Int, band: Int, for request: Resources) -> Int? {
        guard bestMemoryMB[index * Self.bandCount + band] >= request.memoryMB else { return nil }
        if index >= leafCount {
            let slot = index - leafCount
            return leafVcores[slot] >= request.vcores ? slot : nil
        }
        return searchLowestSlot(from: 2 * index, band: band, for: request)
            ?? searchLowestSlot(from: 2 * index + 1, band: band, for: request)
    }

    /// Recomputes entry `index` from its children in every band.
    /// - Returns: Whether anything changed, i.e. whether its parent needs it too.
    private mutating func recompute(_ index: Int) -> Bool {
        let bands = Self.bandCount
        let base = index * bands
        let leftBase = 2 * index * bands
        let rightBase = leftBase + bands
        var changed = false
        for band in 0..<bands {
            let leftMemoryMB = bestMemoryMB[leftBase + band]
            let rightMemoryMB = bestMemoryMB[rightBase + band]
            // Left slots are lower, so the left side wins ties.
            let (memoryMB, slot) = leftMemoryMB >= rightMemoryMB
                ? (leftMemoryMB, bestSlot[leftBase + band])
                : (rightMemoryMB, bestSlot[rightBase + band])
            if bestMemoryMB[base + band] != memoryMB || bestSlot[base + band] != slot {
                bestMemoryMB[base + band] = memoryMB
                bestSlot[base + band] = slot
                changed = true
            }
        }
        return changed
    }

    private mutating func grow(toHold slot: Int) {
        var newLeafCount = leafCount
        while newLeafCount <= slot { newLeafCount *= 2 }
        let bands = Self.bandCount
        var memoryMB = [Int](repeating: -1, count: 2 * newLeafCount * bands)
        var best = [Int32](repeating: -1, count: 2 * newLeafCount * bands)
        for oldSlot in 0..<leafCount {
            for band in 0..<bands {
                memoryMB[(newLeafCount + oldSlot) * bands + band] = bestMemoryMB[(leafCount + oldSlot) * bands + band]
                best[(newLeafCount + oldSlot) * bands + band] = bestSlot[(leafCount + oldSlot) * bands + band]
            }
        }
        leafMemoryMB += [Int](repeating: -1, count: newLeafCount - leafCount)
        leafVcores += [Int](repeating: -1, count: newLeafCount - leafCount)
        leafCount = newLeafCount
        bestMemoryMB = memoryMB
        bestSlot = best
        for index in stride(from: leafCount - 1, through: 1, by: -1) { _ = recompute(index) }
    }

    /// Descriptions of every entry that disagrees with its children or its
    /// slot's free resources; empty when the tree is consistent. For
    /// invariant checks.
    ///
    /// - Complexity: O(n).
    func inconsistencies() -> [String] {
        var found: [String] = []
        let bands = Self.bandCount
        for slot in 0..<leafCount {
            for band in 0..<bands {
                let eligible = leafMemoryMB[slot] >= 0 && leafVcores[slot] >= 1 << band
                let position = (leafCount + slot) * bands + band
                if bestMemoryMB[position] != (eligible ? leafMemoryMB[slot] : -1)
                    || bestSlot[position] != (eligible ? Int32(slot) : -1) {
                    found.append("placement tree leaf \(slot) band \(band) is stale")
                }
            }
        }
        for index in stride(from: leafCount - 1, through: 1, by: -1) {
            for band in 0..<bands {
                let left = bestMemoryMB[2 * index * bands + band]
                let right = bestMemoryMB[(2 * index + 1) * bands + band]
                let expectedSlot = left >= right ? bestSlot[2 * index * bands + band] : bestSlot[(2 * index + 1) * bands + band]
                if bestMemoryMB[index * bands + band] != max(left, right) || bestSlot[index * bands + band] != expectedSlot {
                    found.append("placement tree entry \(index) band \(band) is stale")
                }
            }
        }
        return found
    }

    /// The free resources recorded for `slot`, or nil when it is ineligible.
    func free(slot: Int) -> Resources? {
        guard slot < leafCount, leafMemoryMB[slot] >= 0 else { return nil }
        return Resources(memoryMB: leafMemoryMB[slot], vcores: leafVcores[slot])
    }
}
