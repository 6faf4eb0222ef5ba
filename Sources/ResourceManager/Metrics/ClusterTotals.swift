/// Running sums kept up to date by every event, so that reading the metrics
/// costs O(1) however large the cluster.
struct ClusterTotals: Sendable, Equatable {
    /// Capacity of `RUNNING` nodes.
    var runningCapacity = Resources.zero
    /// Resources allocated on `RUNNING` nodes.
    var runningAllocated = Resources.zero
    /// Resources allocated on all nodes.
    var allocated = Resources.zero
    var containersAllocated = 0
    var pending = Resources.zero
    var pendingContainers = 0
    var nodesInState: [NodeState: Int] = [:]
    var applicationsInState: [ApplicationState: Int] = [:]
    var applicationsSubmitted = 0
}
