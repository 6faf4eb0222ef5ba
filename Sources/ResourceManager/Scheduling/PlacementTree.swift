/// A tournament tree over node slots that finds a node for a container in
/// O(log n) instead of scanning every node.
///
/// Leaves hold each slot's free memory and vcores, or -1 when the slot cannot
/// take containers (free slot, or a node that is not `RUNNING`). Each inner
/// entry holds the maximum free memory and the maximum free vcores below it
/// (possibly from different leaves), and the slot with the most free memory
/// below it, lowest slot first among equals. A subtree whose maxima are too
/// small for a container is skipped whole.
struct PlacementTree: Sendable {
    /// Number of leaves, a power of two; leaf `slot` is entry `leafCount + slot`.
    private(set) var leafCount: Int
    private var freeMemoryMB: [Int]
    private var freeVcores: [Int]
    private var bestSlot: [Int32]

    init() {
        leafCount = 1
        freeMemoryMB = [-1, -1]
        freeVcores = [-1, -1]
        bestSlot = [-1, -1]
    }

    /// Sets a slot's free resources; `nil` makes the slot ineligible.
    ///
    /// - Complexity: O(log n); O(n) when the slot outgrows the tree, which
    ///   doubles it, so amortized O(log n) over a run of additions.
    mutating func update(slot: Int, free: Resources?) {
        if slot >= leafCount { grow(toHold: slot) }
        var index = leafCount + slot
        freeMemoryMB[index] = free?.memoryMB ?? -1
        freeVcores[index] = free?.vcores ?? -1
        bestSlot[index] = free == nil ? -1 : Int32(slot)
        index /= 2
        while index >= 1 {
            recompute(index)
            index /= 2
        }
    }

    /// The slot that should take a container of `request`, or nil if no
    /// eligible slot fits it.
    ///
    /// - Complexity: O(1) when nothing fits by the root's maxima; O(log n)
    ///   when the best candidate by memory also has the vcores (the usual
    ///   case); up to O(n) when many nodes have the memory but not the vcores.
    func slot(for request: Resources, policy: PlacementPolicy) -> Int? {
        guard freeMemoryMB[1] >= request.memoryMB, freeVcores[1] >= request.vcores else { return nil }
        switch policy {
        case .spread:
            var best = (slot: -1, memoryMB: -1)
            searchMostFreeMemory(from: 1, for: request, best: &best)
            return best.slot >= 0 ? best.slot : nil
        case .firstFit:
            return searchLowestSlot(from: 1, for: request)
        }
    }

    /// Best-first search with pruning: a subtree whose most-free-memory slot
    /// also has the vcores needs no further look.
    private func searchMostFreeMemory(from index: Int, for request: Resources, best: inout (slot: Int, memoryMB: Int)) {
        let memoryMB = freeMemoryMB[index]
        guard memoryMB >= request.memoryMB, freeVcores[index] >= request.vcores, memoryMB >= best.memoryMB else { return }
        let candidate = Int(bestSlot[index])
        if freeVcores[leafCount + candidate] >= request.vcores {
            if memoryMB > best.memoryMB || candidate < best.slot { best = (candidate, memoryMB) }
            return
        }
        guard index < leafCount else { return }
        let left = 2 * index
        let right = left + 1
        if freeMemoryMB[right] > freeMemoryMB[left] {
            searchMostFreeMemory(from: right, for: request, best: &best)
            searchMostFreeMemory(from: left, for: request, best: &best)
        } else {
            searchMostFreeMemory(from: left, for: request, best: &best)
            searchMostFreeMemory(from: right, for: request, best: &best)
        }
    }

    private func searchLowestSlot(from index: Int, for request: Resources) -> Int? {
        guard freeMemoryMB[index] >= request.memoryMB, freeVcores[index] >= request.vcores else { return nil }
        if index >= leafCount { return index - leafCount }
        return searchLowestSlot(from: 2 * index, for: request) ?? searchLowestSlot(from: 2 * index + 1, for: request)
    }

    private mutating func recompute(_ index: Int) {
        let left = 2 * index
        let right = left + 1
        let leftMemoryMB = freeMemoryMB[left]
        let rightMemoryMB = freeMemoryMB[right]
        // Left slots are lower, so the left side wins ties.
        if leftMemoryMB >= rightMemoryMB {
            freeMemoryMB[index] = leftMemoryMB
            bestSlot[index] = bestSlot[left]
        } else {
            freeMemoryMB[index] = rightMemoryMB
            bestSlot[index] = bestSlot[right]
        }
        freeVcores[index] = max(freeVcores[left], freeVcores[right])
    }

    private mutating func grow(toHold slot: Int) {
        var newLeafCount = leafCount
        while newLeafCount <= slot { newLeafCount *= 2 }
        var memoryMB = [Int](repeating: -1, count: 2 * newLeafCount)
        var vcores = [Int](repeating: -1, count: 2 * newLeafCount)
        var best = [Int32](repeating: -1, count: 2 * newLeafCount)
        for oldSlot in 0..<leafCount {
            memoryMB[newLeafCount + oldSlot] = freeMemoryMB[leafCount + oldSlot]
            vcores[newLeafCount + oldSlot] = freeVcores[leafCount + oldSlot]
            best[newLeafCount + oldSlot] = bestSlot[leafCount + oldSlot]
        }
        leafCount = newLeafCount
        freeMemoryMB = memoryMB
        freeVcores = vcores
        bestSlot = best
        for index in stride(from: leafCount - 1, through: 1, by: -1) { recompute(index) }
    }

    /// Descriptions of every entry that disagrees with its children; empty
    /// when the tree is consistent. For invariant checks.
    ///
    /// - Complexity: O(n).
    func inconsistencies() -> [String] {
        var found: [String] = []
        for index in stride(from: leafCount - 1, through: 1, by: -1) {
            let left = 2 * index
            let right = left + 1
            let expectedMemoryMB = max(freeMemoryMB[left], freeMemoryMB[right])
            let expectedVcores = max(freeVcores[left], freeVcores[right])
            let expectedBest = freeMemoryMB[left] >= freeMemoryMB[right] ? bestSlot[left] : bestSlot[right]
            if freeMemoryMB[index] != expectedMemoryMB || freeVcores[index] != expectedVcores || bestSlot[index] != expectedBest {
                found.append("placement tree entry \(index) is stale")
            }
        }
        return found
    }

    /// The free resources recorded for `slot`, or nil when it is ineligible.
    func free(slot: Int) -> Resources? {
        guard slot < leafCount, freeMemoryMB[leafCount + slot] >= 0 else { return nil }
        return Resources(memoryMB: freeMemoryMB[leafCount + slot], vcores: freeVcores[leafCount + slot])
    }
}
