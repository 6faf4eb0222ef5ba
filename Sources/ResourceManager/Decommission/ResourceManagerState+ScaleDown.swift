extension ResourceManagerState {
    /// The `count` workers a scale-down removes from `candidates`: those running
    /// the fewest containers, and the newest among equals, so that graceful
    /// decommission waits, and kills, as little as possible. The live cluster and
    /// the simulator both ask this, so a simulation removes the workers a real
    /// cluster would.
    ///
    /// Candidates that are not RUNNING NodeManagers are never chosen.
    ///
    /// - Complexity: O(n log n) for n candidates.
    public func scaleDownVictims(among candidates: [NodeID], count: Int) -> [NodeID] {
        guard count > 0 else { return [] }
        let ranked = candidates.compactMap { id -> (id: NodeID, containers: Int)? in
            guard let report = node(id), report.state == .running else { return nil }
            return (id, report.containerCount)
        }
        return ranked.sorted { ($0.containers, -$0.id.sequence) < ($1.containers, -$1.id.sequence) }
            .prefix(count).map(\.id)
    }
}
