/// What an autoscaler needs from a cluster: its shape, its YARN metrics and a
/// way to resize it. `SimulatedCluster` conforms.
public protocol ScalableCluster: Sendable {
    /// The cluster's name, for messages.
    var clusterName: String { get }
    /// Primary workers now (decommissioning ones still count until they are gone).
    var primaryWorkerCount: Int { get async }
    /// Secondary workers now.
    var secondaryWorkerCount: Int { get async }
    /// One primary worker's `yarn.nodemanager.resource.memory-mb`.
    var nodeManagerMemoryMB: Int { get async }
    /// The `yarn-*` metrics now.
    var yarnMetrics: YarnMetrics { get async }
    /// Metrics samples taken at or after `start`, oldest first.
    func metricsSamples(since start: ClusterInstant) async -> [ClusterMetricsSample]
    /// Whether the cluster is RUNNING (autoscaling pauses otherwise).
    var isRunning: Bool { get async }
    /// Resizes the worker groups as an UPDATE operation and waits for it;
    /// removed workers are gracefully decommissioned within `gracefulDecommissionTimeout`.
    @discardableResult
    func resize(primaryWorkers: Int, secondaryWorkers: Int, gracefulDecommissionTimeout: Duration) async throws -> ClusterOperation
}
