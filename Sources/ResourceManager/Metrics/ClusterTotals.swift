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
    /// Nodes per state, indexed by `NodeState.ordinal`.
    var nodesInState = [Int](repeating: 0, count: NodeState.allCases.count)
    /// Applications per state, indexed by `ApplicationState.ordinal`.
    var applicationsInState = [Int](repeating: 0, count: ApplicationState.allCases.count)
    var applicationsSubmitted = 0
}
