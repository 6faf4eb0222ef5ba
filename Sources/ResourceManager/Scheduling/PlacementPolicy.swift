/// How `schedule()` chooses a node among those that fit a container.
///
/// A node fits when it is `RUNNING` and has both the memory and the vcores
/// the container asks for. Both policies are deterministic: the same events
/// give the same placements.
public enum PlacementPolicy: String, Hashable, Sendable, CaseIterable {
    /// The fitting node with the most free memory; among equals, the lowest slot.
    ///
    /// YARN assigns containers as nodes heartbeat, which spreads load over the
    /// cluster; this is that outcome without the heartbeats. On an idle,
    /// uniform cluster it deals containers round-robin in slot order. The
    /// default.
    case spread
    /// The fitting node with the lowest slot.
    ///
    /// Packs work onto the earliest nodes and leaves later ones empty, so a
    /// scale-down finds drained nodes sooner.
    case firstFit
}
