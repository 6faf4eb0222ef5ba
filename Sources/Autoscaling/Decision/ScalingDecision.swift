/// What the autoscaler decided at one evaluation, and why.
///
/// Produced by ``AutoscalingPolicy/decideScaling(window:shape:)``. When the targets
/// equal the current counts there is nothing to apply; ``reason`` still says why.
public struct ScalingDecision: Sendable, Hashable, Codable {
    /// Primary workers before the decision.
    public var currentPrimaryWorkers: Int
    /// Secondary workers before the decision.
    public var currentSecondaryWorkers: Int
    /// Primary workers to have after the decision.
    public var targetPrimaryWorkers: Int
    /// Secondary workers to have after the decision.
    public var targetSecondaryWorkers: Int
    /// `avg(pending − available) / nodeManagerMemoryMB`: workers' worth of memory short
    /// (positive) or spare (negative).
    public var exactDelta: Double
    /// The recommended worker change after the scale factor and rounding, before the
    /// minimum worker fractions and the group bounds.
    public var delta: Int
    /// The metrics the decision was computed from.
    public var averages: YarnMetricsAverages
    /// One sentence for people: the change or "no change", then the arithmetic behind it.
    public var reason: String

    /// A decision from its parts.
    public init(
        currentPrimaryWorkers: Int,
        currentSecondaryWorkers: Int,
        targetPrimaryWorkers: Int,
        targetSecondaryWorkers: Int,
        exactDelta: Double,
        delta: Int,
        averages: YarnMetricsAverages,
        reason: String
    ) {
        self.currentPrimaryWorkers = currentPrimaryWorkers
        self.currentSecondaryWorkers = currentSecondaryWorkers
        self.targetPrimaryWorkers = targetPrimaryWorkers
        self.targetSecondaryWorkers = targetSecondaryWorkers
        self.exactDelta = exactDelta
        self.delta = delta
        self.averages = averages
        self.reason = reason
    }

    /// Whether either group's size changes.
    public var changesCluster: Bool {
        targetPrimaryWorkers != currentPrimaryWorkers || targetSecondaryWorkers != currentSecondaryWorkers
    }

    /// Workers the primary group gains (positive) or loses (negative).
    public var primaryChange: Int { targetPrimaryWorkers - currentPrimaryWorkers }

    /// Workers the secondary group gains (positive) or loses (negative).
    public var secondaryChange: Int { targetSecondaryWorkers - currentSecondaryWorkers }
}
