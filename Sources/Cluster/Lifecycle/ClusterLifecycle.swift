/// A cluster's state machine: the current status and every earlier one.
///
/// Pure: the owner passes the time in. States move only along
/// `ClusterState.canMove(to:)`; anything else throws and changes nothing.
public struct ClusterLifecycle: Sendable, Hashable {
    /// The cluster's name, for messages.
    public let clusterName: String
    /// The current status.
    public private(set) var status: ClusterStatus
    /// Earlier statuses, oldest first (the current one is not included).
    public private(set) var history: [ClusterStatus] = []

    /// A cluster that is `CREATING` since `time`.
    public init(clusterName: String, createdAt time: GoogleTimestamp) {
        self.clusterName = clusterName
        status = ClusterStatus(state: .creating, stateStartTime: time)
    }

    /// A lifecycle that resumes at `status` after `history`, as a cluster
    /// re-created after a restart of the process that hosted it.
    public init(clusterName: String, status: ClusterStatus, history: [ClusterStatus]) {
        self.clusterName = clusterName
        self.status = status
        self.history = history
    }

    /// The current state.
    public var state: ClusterState { status.state }

    /// Moves to `next` at `time`.
    ///
    /// - Throws: `ClusterError.illegalTransition` when `next` cannot follow the current state.
    public mutating func move(to next: ClusterState, detail: String? = nil, at time: GoogleTimestamp) throws(ClusterError) {
        guard status.state.canMove(to: next) else {
            throw .illegalTransition(cluster: clusterName, from: status.state, to: next)
        }
        history.append(status)
        status = ClusterStatus(state: next, detail: detail, stateStartTime: time)
    }
}
