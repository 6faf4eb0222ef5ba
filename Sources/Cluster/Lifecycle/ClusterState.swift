/// A cluster's state, with Dataproc's names.
///
/// Transitions (anything else is an error):
/// `CREATING → RUNNING | ERROR | DELETING`, `RUNNING → UPDATING | STOPPING | DELETING | ERROR`,
/// `UPDATING → RUNNING | ERROR | DELETING`, `STOPPING → STOPPED | ERROR`,
/// `STOPPED → STARTING | DELETING`, `STARTING → RUNNING | ERROR`, `ERROR → DELETING`.
/// `DELETING` is final: once the delete operation is done the cluster is gone.
public enum ClusterState: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Being provisioned.
    case creating = "CREATING"
    /// Ready for jobs.
    case running = "RUNNING"
    /// Being resized; jobs keep running and can be submitted.
    case updating = "UPDATING"
    /// Shutting its VMs down; running jobs fail.
    case stopping = "STOPPING"
    /// Its VMs are stopped; no jobs, no updates.
    case stopped = "STOPPED"
    /// Its VMs are starting again.
    case starting = "STARTING"
    /// Being deleted.
    case deleting = "DELETING"
    /// Failed; it can only be deleted.
    case error = "ERROR"

    /// `RUNNING`.
    public var description: String { rawValue }

    /// Whether a cluster in this state may move to `next`.
    public func canMove(to next: ClusterState) -> Bool {
        switch (self, next) {
        case (.creating, .running), (.creating, .error), (.creating, .deleting): true
        case (.running, .updating), (.running, .stopping), (.running, .deleting), (.running, .error): true
        case (.updating, .running), (.updating, .error), (.updating, .deleting): true
        case (.stopping, .stopped), (.stopping, .error): true
        case (.stopped, .starting), (.stopped, .deleting): true
        case (.starting, .running), (.starting, .error): true
        case (.error, .deleting): true
        default: false
        }
    }

    /// Whether jobs may be submitted and run (`RUNNING` or `UPDATING`).
    public var acceptsJobs: Bool { self == .running || self == .updating }
}
