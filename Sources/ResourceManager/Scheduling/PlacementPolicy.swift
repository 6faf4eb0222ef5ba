/// How `schedule()` chooses a node among those that fit a container.
///
/// Both policies are deterministic: the same events give the same placements.
public enum PlacementPolicy: String, Hashable, Sendable, CaseIterable {
    /// The node with the most free memory; among equals, the lowest slot.
    ///
    /// YARN assigns containers as nodes heartbeat, which spreads load over the
    /// cluster; this is that outcome without the heartbeats. On an idle,
    /// uniform cluster it deals containers round-robin in slot order. The
    /// default.
    case spread
    /// The lowest-slot node that fits.
    ///
    /// Packs work onto the earliest nodes and leaves later ones empty, so a
    /// scale-down finds drained nodes sooner.
    case firstFit
}
