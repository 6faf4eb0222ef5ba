/// Settings for a `ResourceManagerState`.
///
/// Keys and defaults:
/// - `placementPolicy`: `.spread` — see `PlacementPolicy`.
/// - `maximumAllocation`: `nil` (no limit) — YARN's
///   `yarn.scheduler.maximum-allocation-mb` / `-vcores`; a request for a larger
///   container is rejected rather than left to block the queue forever.
public struct ResourceManagerConfiguration: Hashable, Sendable {
    /// How containers are placed; default `.spread`.
    public var placementPolicy: PlacementPolicy
    /// The largest container a request may ask for; default `nil`, no limit.
    public var maximumAllocation: Resources?

    /// A configuration with the given settings.
    public init(placementPolicy: PlacementPolicy = .spread, maximumAllocation: Resources? = nil) {
        self.placementPolicy = placementPolicy
        self.maximumAllocation = maximumAllocation
    }
}
