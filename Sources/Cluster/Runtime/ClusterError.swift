import ResourceManager

/// Why a cluster refused a request. Each message names the cluster (or node,
/// or job), the offending value and what to do instead.
public enum ClusterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The state machine does not allow this move.
    case illegalTransition(cluster: String, from: ClusterState, to: ClusterState)
    /// The request needs the cluster in another state (`action` says what was asked).
    case wrongState(cluster: String, state: ClusterState, action: String)
    /// The cluster has been deleted.
    case deleted(cluster: String)
    /// The spec or a resize is invalid.
    case invalidConfig(ClusterConfigError)
    /// No node has this name.
    case unknownNode(cluster: String, name: String)
    /// The node cannot take this fault (a master that runs no NodeManager, a node already gone).
    case nodeUnavailable(cluster: String, name: String, state: NodeState)
    /// No job has this id.
    case unknownJob(cluster: String, id: String)
    /// A job with this id already exists.
    case duplicateJob(cluster: String, id: String)
    /// The job has already ended.
    case jobEnded(id: String, state: JobState)
    /// A job submitted through `SimulatedCluster.submitter` did not end DONE.
    case jobFailed(id: String, state: JobState, details: String)
    /// A YARN application lost its application master as many times as
    /// `mapreduce.am.max-attempts` allows.
    case applicationMasterLost(application: String, attempts: Int, lastAttempt: String, reason: String)
    /// The resource manager refused a request (a container larger than any node, …).
    case resourceManager(ResourceManagerError)
    /// A job's state machine does not allow this move (`JobState.canMove(to:)`).
    case illegalJobTransition(job: String, from: JobState, to: JobState)
    /// An operation's state machine does not allow this move (`OperationState.canMove(to:)`):
    /// it was started or finished twice.
    case illegalOperationTransition(operation: String, from: OperationState, to: OperationState)

    /// What went wrong and how to fix it.
    public var description: String {
        switch self {
        case let .illegalTransition(cluster, from, to):
            "cluster '\(cluster)' cannot move from \(from) to \(to); wait for the current operation to finish or delete the cluster"
        case let .wrongState(cluster, state, action):
            "cluster '\(cluster)' is \(state) and cannot \(action); \(state == .stopped ? "start it first" : "wait until it is RUNNING")"
        case let .deleted(cluster):
            "cluster '\(cluster)' has been deleted; create a new cluster"
        case let .invalidConfig(error):
            error.description
        case let .unknownNode(cluster, name):
            "cluster '\(cluster)' has no node '\(name)'; use a name such as \(cluster)-w-0 from the cluster's node list"
        case let .nodeUnavailable(cluster, name, state):
            "node '\(name)' of cluster '\(cluster)' is \(state) or runs no NodeManager; choose a RUNNING worker"
        case let .unknownJob(cluster, id):
            "cluster '\(cluster)' has no job '\(id)'; use an id returned by submit"
        case let .duplicateJob(cluster, id):
            "cluster '\(cluster)' already has a job '\(id)'; choose another job id or leave it empty"
        case let .jobEnded(id, state):
            "job '\(id)' has already ended (\(state)); only a PENDING or RUNNING job can be cancelled"
        case let .jobFailed(id, state, details):
            "job '\(id)' ended \(state): \(details)"
        case let .applicationMasterLost(application, attempts, lastAttempt, reason):
            "Application \(application) failed \(attempts) times (mapreduce.am.max-attempts) due to AM Container for "
                + "\(lastAttempt) exited: \(reason); raise mapreduce.am.max-attempts to survive more lost masters"
        case let .resourceManager(error):
            error.description
        case let .illegalJobTransition(job, from, to):
            "job '\(job)' cannot move from \(from) to \(to); a job moves PENDING → SETUP_DONE → RUNNING → DONE, "
                + "or to ERROR, or through CANCEL_PENDING to CANCELLED: check JobState.canMove(to:) before moving it"
        case let .illegalOperationTransition(operation, from, to):
            "operation '\(operation)' cannot move from \(from) to \(to); an operation moves PENDING → RUNNING → DONE "
                + "once: start and finish it exactly once"
        }
    }
}
