import Cluster

/// The basic autoscaling algorithm (`BasicAutoscalingAlgorithm`).
///
/// Keys and defaults:
/// - `cooldownPeriod`: how long to wait between evaluations, counted from the end of the
///   previous scaling operation; default 2m, bounds `[2m, 1d]`.
/// - `yarnConfig`: required; the YARN scaling factors.
public struct BasicAutoscalingAlgorithm: Sendable, Hashable {
    /// The default cooldown period: 2 minutes.
    public static let defaultCooldownPeriod = GoogleDuration(seconds: 120)

    /// The time between evaluations; also the length of the metrics window.
    public var cooldownPeriod: GoogleDuration
    /// The YARN-based scaling factors.
    public var yarnConfig: BasicYarnAutoscalingConfig

    /// An algorithm with the given factors and cooldown (default 2m).
    public init(
        cooldownPeriod: GoogleDuration = BasicAutoscalingAlgorithm.defaultCooldownPeriod,
        yarnConfig: BasicYarnAutoscalingConfig
    ) {
        self.cooldownPeriod = cooldownPeriod
        self.yarnConfig = yarnConfig
    }
}
