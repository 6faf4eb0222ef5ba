/// A worker group's bounds and weight with every default applied.
///
/// Derived from a policy by ``AutoscalingPolicy/primaryLimits`` and
/// ``AutoscalingPolicy/secondaryLimits``; this is what the decision works with.
public struct WorkerGroupLimits: Sendable, Hashable, Codable {
    /// The fewest workers the group may have.
    public var minInstances: Int
    /// The most workers the group may have.
    public var maxInstances: Int
    /// The group's share of the workers; 0 means the group only ever holds its minimum.
    public var weight: Int

    /// Limits from explicit values.
    public init(minInstances: Int, maxInstances: Int, weight: Int) {
        self.minInstances = minInstances
        self.maxInstances = maxInstances
        self.weight = weight
    }

    /// `count` moved into `[minInstances, maxInstances]`.
    ///
    /// An invalid policy may have `maxInstances < minInstances`; the minimum wins then,
    /// so that the result never drops below what the policy asks to keep.
    func clamp(_ count: Int) -> Int {
        max(minInstances, min(count, maxInstances))
    }
}
