/// Everything in a store, each kind in the order it was first saved.
public struct StoreContents: Sendable, Hashable {
    /// Every cluster.
    public var clusters: [StoredCluster]
    /// Every operation.
    public var operations: [StoredOperation]
    /// Every job.
    public var jobs: [StoredJob]
    /// Every autoscaling policy.
    public var policies: [StoredPolicy]
    /// The scaling history of every cluster that has one.
    public var scalingHistories: [StoredScalingHistory]
}
