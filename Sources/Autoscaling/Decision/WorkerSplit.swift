/// Spreads a worker change over the primary and secondary groups.
///
/// The rule (Dataproc leaves it undocumented; this is Miniproc's choice):
/// 1. The change is monotone: a scale-up never shrinks a group and a scale-down never
///    grows one, so the autoscaler does not decommission workers it is about to replace.
/// 2. The primary group aims at its weighted share of the new total,
///    `round(total × primaryWeight / (primaryWeight + secondaryWeight))`, limited by
///    its bounds and by the size of the change; the secondary group takes the rest
///    within its bounds, and whatever it cannot take goes back to the primary group
///    within the primary's bounds.
/// 3. Ties round toward the primary group: under equal weights an odd worker is added
///    to the primary group on scale-up and taken from the secondary group on scale-down.
///    Secondary workers go first because they hold no HDFS data and may be preempted
///    anyway.
/// 4. A group of weight 0 never gains workers from scaling (only up to its minimum) and
///    is drained first, down to its minimum, on scale-down: Dataproc documents that
///    weight set on the primary group only means "primary workers only".
struct WorkerSplit: Sendable {
    /// Bounds and weight of the primary group.
    var primary: WorkerGroupLimits
    /// Bounds and weight of the secondary group.
    var secondary: WorkerGroupLimits

    /// Adds up to `count` workers to groups of sizes `start`, already within bounds.
    ///
    /// - Complexity: O(1).
    func grow(from start: (primary: Int, secondary: Int), by count: Int) -> (primary: Int, secondary: Int) {
        let (p, s) = start
        let weights = effectiveWeights
        // A zero-weight group takes no share and no remainder.
        let primaryCap = weights.primary == 0 ? p : max(primary.maxInstances, p)
        let secondaryCap = weights.secondary == 0 ? s : max(secondary.maxInstances, s)
        let ideal = primaryShare(ofTotal: p + s + count, weights: weights)
        var newPrimary = min(max(ideal, p), min(primaryCap, p + count))
        let newSecondary = min(secondaryCap, s + (count - (newPrimary - p)))
        let leftover = count - (newPrimary - p) - (newSecondary - s)
        newPrimary = min(primaryCap, newPrimary + leftover)
        return (newPrimary, newSecondary)
    }

    /// Removes up to `count` workers from groups of sizes `start`, already within bounds.
    ///
    /// - Complexity: O(1).
    func shrink(from start: (primary: Int, secondary: Int), by count: Int) -> (primary: Int, secondary: Int) {
        let (p, s) = start
        let primaryFloor = min(primary.minInstances, p)
        let secondaryFloor = min(secondary.minInstances, s)
        let ideal = primaryShare(ofTotal: p + s - count, weights: effectiveWeights)
        var newPrimary = max(min(ideal, p), max(primaryFloor, p - count))
        let newSecondary = max(secondaryFloor, s - (count - (p - newPrimary)))
        let leftover = count - (p - newPrimary) - (s - newSecondary)
        newPrimary = max(primaryFloor, newPrimary - leftover)
        return (newPrimary, newSecondary)
    }

    /// The weights, negative ones read as 0; if nothing is left, equal weights, so that
    /// an invalid policy still scales instead of freezing.
    private var effectiveWeights: (primary: Int, secondary: Int) {
        let weights = (primary: max(primary.weight, 0), secondary: max(secondary.weight, 0))
        return weights.primary + weights.secondary == 0 ? (1, 1) : weights
    }

    /// The primary group's share of `total`, ties rounded toward the primary group.
    private func primaryShare(ofTotal total: Int, weights: (primary: Int, secondary: Int)) -> Int {
        // In Double: total × weight can pass Int.max for int32 bounds and weights.
        let share = Double(total) * Double(weights.primary) / Double(weights.primary + weights.secondary)
        return Int(share.rounded(.toNearestOrAwayFromZero))
    }
}
