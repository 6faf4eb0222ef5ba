import Cluster
import ResourceManager

/// One reading of a cluster, taken by the autoscaler's owner at each sampling tick.
public struct ClusterObservation: Sendable, Hashable {
    /// The cluster's state; the autoscaler evaluates only when it is `RUNNING`.
    public var state: ClusterState
    /// The worker counts the cluster is configured with (`numInstances` of each
    /// group) and one worker's NodeManager memory.
    public var shape: ClusterShape
    /// The cluster's YARN metrics; the autoscaler reads pending, available,
    /// allocated and reserved memory.
    public var metrics: YarnMetrics

    /// An observation from its parts.
    public init(state: ClusterState, shape: ClusterShape, metrics: YarnMetrics) {
        self.state = state
        self.shape = shape
        self.metrics = metrics
    }
}
