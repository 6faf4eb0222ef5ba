import Foundation

/// One autoscaler evaluation of a cluster, as a service stores it in the cluster's history.
public struct ScalingHistoryEntry: Sendable, Hashable, Codable {
    /// When the evaluation ran, by the service's clock.
    public var time: Date
    /// What was decided and why.
    public var decision: ScalingDecision
    /// What became of the decision; updated as its operation progresses.
    public var outcome: ScalingOutcome

    /// An entry from its parts.
    public init(time: Date, decision: ScalingDecision, outcome: ScalingOutcome) {
        self.time = time
        self.decision = decision
        self.outcome = outcome
    }

    /// The metrics averages the decision was computed from.
    public var averages: YarnMetricsAverages { decision.averages }
}
