/// One entry of a cluster's status: `Cluster.status` and each `statusHistory` entry.
public struct ClusterStatus: Sendable, Hashable {
    /// The state.
    public var state: ClusterState
    /// Why, when there is more to say (`Cluster was idle for 600s`).
    public var detail: String?
    /// When the cluster entered the state, from the cluster's clock.
    public var stateStartTime: GoogleTimestamp

    /// A status.
    public init(state: ClusterState, detail: String? = nil, stateStartTime: GoogleTimestamp) {
        self.state = state
        self.detail = detail
        self.stateStartTime = stateStartTime
    }
}
