/// One entry of a job's status: `Job.status` and each `statusHistory` entry.
public struct JobStatus: Sendable, Hashable {
    /// The state.
    public var state: JobState
    /// More about it: the failure, or "Agent reported job success".
    public var details: String?
    /// When the state was entered, from the cluster's clock.
    public var stateStartTime: GoogleTimestamp

    /// A status.
    public init(state: JobState, details: String? = nil, stateStartTime: GoogleTimestamp) {
        self.state = state
        self.details = details
        self.stateStartTime = stateStartTime
    }
}
