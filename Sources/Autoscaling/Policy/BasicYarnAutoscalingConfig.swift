import Cluster

/// How YARN metrics turn into a worker change (`BasicYarnAutoscalingConfig`).
///
/// Keys and defaults:
/// - `gracefulDecommissionTimeout`: required, `[0s, 1d]`; how long a removed worker may
///   finish its containers before they are killed.
/// - `scaleUpFactor`: required, `[0, 1]`; the fraction of the pending-memory shortfall
///   to add as workers.
/// - `scaleDownFactor`: required, `[0, 1]`; the fraction of the spare memory to remove
///   as workers; 0 disables scale-down.
/// - `scaleUpMinWorkerFraction`: default 0, `[0, 1]`; a scale-up smaller than this
///   fraction of the current workers is skipped.
/// - `scaleDownMinWorkerFraction`: default 0, `[0, 1]`; likewise for scale-down.
///
/// The factors are proto3 doubles, so an absent factor reads as 0, as in the API.
public struct BasicYarnAutoscalingConfig: Sendable, Hashable {
    /// How long decommissioning workers may run their containers before removal.
    public var gracefulDecommissionTimeout: GoogleDuration
    /// Fraction of the memory shortfall to add as workers.
    public var scaleUpFactor: Double
    /// Fraction of the spare memory to remove as workers.
    public var scaleDownFactor: Double
    /// Smallest scale-up, as a fraction of the current workers, worth doing.
    public var scaleUpMinWorkerFraction: Double
    /// Smallest scale-down, as a fraction of the current workers, worth doing.
    public var scaleDownMinWorkerFraction: Double

    /// A YARN config; the minimum worker fractions default to 0.
    public init(
        gracefulDecommissionTimeout: GoogleDuration,
        scaleUpFactor: Double,
        scaleDownFactor: Double,
        scaleUpMinWorkerFraction: Double = 0,
        scaleDownMinWorkerFraction: Double = 0
    ) {
        self.gracefulDecommissionTimeout = gracefulDecommissionTimeout
        self.scaleUpFactor = scaleUpFactor
        self.scaleDownFactor = scaleDownFactor
        self.scaleUpMinWorkerFraction = scaleUpMinWorkerFraction
        self.scaleDownMinWorkerFraction = scaleDownMinWorkerFraction
    }
}
