import Cluster

/// One status entry of a stored cluster: a state name, an
/// optional detail and when it was entered (RFC 3339).
public struct StoredStatus: Sendable, Hashable, Codable {
    /// The state's name (`RUNNING`, `DONE`, …).
    public var state: String
    /// More about it, if anything.
    public var detail: String?
    /// When the state was entered, RFC 3339 in UTC.
    public var stateStartTime: String

    /// A status entry.
    public init(state: String, detail: String? = nil, stateStartTime: String) {
        self.state = state
        self.detail = detail
        self.stateStartTime = stateStartTime
    }

    /// The entry of `status`: the one place where a cluster's state becomes the stored text.
    public init(_ status: ClusterStatus) {
        self.init(state: status.state.rawValue, detail: status.detail, stateStartTime: status.stateStartTime.description)
    }

    /// The state as a `ClusterState`; nil for a name this version does not know.
    public var clusterState: ClusterState? { ClusterState(rawValue: state) }
}
