import Cluster

/// The groups of cluster states a `clusters list` filter may name in
/// `status.state` (DATAPROC.md §2): `ACTIVE` and `INACTIVE`.
enum ClusterStateGroup: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// CREATING, UPDATING or RUNNING.
    case active = "ACTIVE"
    /// DELETING, ERROR, STOPPING or STOPPED.
    case inactive = "INACTIVE"

    /// `ACTIVE`.
    var description: String { rawValue }

    /// The group `state` belongs to; nil for STARTING, which is in neither.
    init?(_ state: ClusterState) {
        switch state {
        case .creating, .updating, .running: self = .active
        case .deleting, .error, .stopping, .stopped: self = .inactive
        case .starting: return nil
        }
    }
}

extension ClusterState {
    /// What `status.state` of a list filter matches for this state: its name and its group's.
    var filterValues: [String] { [rawValue] + (ClusterStateGroup(self).map { [$0.rawValue] } ?? []) }
}
