/// The autoscaler's evaluations of one cluster, oldest first, keeping the latest
/// ``limit`` entries.
///
/// Every evaluation is recorded, including those that changed nothing, with the
/// decision's reason, so a CLI or API can show why a cluster did or did not scale.
public struct ScalingHistory: Sendable, Hashable {
    /// How many entries are kept; older ones are dropped.
    public let limit: Int
    /// Kept entries, possibly more than `limit` until the next compaction.
    private var storage: [ScalingHistoryEntry] = []
    /// How many entries were dropped from the front of `storage`.
    private var dropped = 0

    /// An empty history that keeps at most `limit` entries (at least 1).
    public init(limit: Int) {
        self.limit = max(limit, 1)
    }

    /// The kept entries, oldest first.
    ///
    /// - Complexity: O(limit).
    public var entries: [ScalingHistoryEntry] { Array(storage.suffix(limit)) }

    /// The newest entry.
    public var last: ScalingHistoryEntry? { storage.last }

    /// How many entries were ever recorded, dropped ones included.
    public var recordedCount: Int { dropped + storage.count }

    /// Records an entry and returns its sequence number, for ``updateOutcome(sequence:_:)``.
    ///
    /// - Complexity: Amortized O(1): old entries are dropped in batches.
    @discardableResult
    public mutating func append(_ entry: ScalingHistoryEntry) -> Int {
        storage.append(entry)
        if storage.count >= 2 * limit {
            let excess = storage.count - limit
            storage.removeFirst(excess)
            dropped += excess
        }
        return dropped + storage.count - 1
    }

    /// Changes the outcome of the entry with `sequence`; nothing if it was dropped.
    public mutating func updateOutcome(sequence: Int, _ outcome: ScalingOutcome) {
        let index = sequence - dropped
        guard storage.indices.contains(index) else { return }
        storage[index].outcome = outcome
    }
}
