/// Size bounds and weight of one worker group (`InstanceGroupAutoscalingPolicyConfig`).
///
/// Keys and defaults:
/// - `minInstances`: primary default 2, bounds `[2, maxInstances]`; secondary default 0,
///   bounds `[0, maxInstances]`.
/// - `maxInstances`: required for primary workers, and for secondary workers when their
///   `minInstances` is set; default 0; must be at least `minInstances`.
/// - `weight`: the group's share of the workers. Neither group set → equal weights;
///   only one set → the other group's weight is 0.
///
/// As in proto3, 0 cannot be told apart from absent on the wire, so `minInstances`
/// and `weight` of 0 mean "not set" exactly as nil does.
public struct InstanceGroupAutoscalingPolicyConfig: Sendable, Hashable {
    /// The group's lower bound; nil or 0 means the group's default (primary 2, secondary 0).
    public var minInstances: Int?
    /// The group's upper bound.
    public var maxInstances: Int
    /// The group's weight; nil or 0 means not set.
    public var weight: Int?

    /// A group config; `minInstances` and `weight` default to not set.
    public init(minInstances: Int? = nil, maxInstances: Int, weight: Int? = nil) {
        self.minInstances = minInstances
        self.maxInstances = maxInstances
        self.weight = weight
    }

    /// `minInstances` if set to a non-zero value, else `defaultMinInstances`.
    func resolvedMinInstances(default defaultMinInstances: Int) -> Int {
        guard let minInstances, minInstances != 0 else { return defaultMinInstances }
        return minInstances
    }

    /// The weight if set to a non-zero value.
    var explicitWeight: Int? {
        guard let weight, weight != 0 else { return nil }
        return weight
    }
}
