import Cluster

extension JobMessage {
    /// The job's state; a job without a status has just been submitted: PENDING.
    var state: JobState { status?.state ?? .pending }

    /// Whether the job can still change (not DONE, ERROR or CANCELLED).
    var isActive: Bool { !state.isFinal }

    /// Moves to `next` at `time` along `JobState.canMove(to:)`, keeping the
    /// current status in the history; `done` follows the new state.
    ///
    /// - Throws: `IllegalTransition` when `next` cannot follow the current state; nothing changes then.
    mutating func move(to next: JobState, details: String? = nil, at time: String) throws(IllegalTransition) {
        guard state.canMove(to: next) else {
            throw IllegalTransition("job \(reference?.jobId ?? "")", from: state, to: next)
        }
        if let status { statusHistory = (statusHistory ?? []) + [status] }
        status = JobStatusMessage(state: next, details: details, stateStartTime: time)
        done = next.isFinal ? true : nil
    }
}
