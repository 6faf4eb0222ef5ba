import MapReduce
import ResourceManager

/// Why a job is being ended from outside.
enum JobEndReason: Sendable {
    case cancelled
    case clusterDeleted
    case clusterStopped
}

/// One YARN application of a job.
struct ApplicationEntry: Sendable {
    var resourceManagerID: ApplicationID
    var yarnID: String
    var name: String
    var finalState: ApplicationState?
}

/// A job as the cluster actor keeps it.
struct JobRecord {
    var id: String
    var uuid: String
    var name: String
    var status: JobStatus
    var history: [JobStatus] = []
    var applications: [ApplicationEntry] = []
    var results: [JobResult] = []
    var failedAttempts: [TaskAttemptReport] = []
    let log: JobLog
    var task: Task<Void, Never>?
    var endReason: JobEndReason?
    var completionWaiters: [CheckedContinuation<Void, Never>] = []

    /// Moves to `next`, keeping the current status in the history.
    ///
    /// - Throws: `ClusterError.illegalJobTransition` when `JobState.canMove(to:)`
    ///   forbids the move; nothing changes then.
    mutating func move(to next: JobState, details: String? = nil, at time: GoogleTimestamp) throws(ClusterError) {
        guard status.state.canMove(to: next) else {
            throw .illegalJobTransition(job: id, from: status.state, to: next)
        }
        history.append(status)
        status = JobStatus(state: next, details: details, stateStartTime: time)
    }
}
