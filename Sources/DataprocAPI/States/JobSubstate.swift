/// More about a job's state (`JobStatus.substate`), with Dataproc's names.
enum JobSubstate: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Nothing more to say.
    case unspecified = "UNSPECIFIED"
    /// Handed to the agent.
    case submitted = "SUBMITTED"
    /// Accepted, waiting for room for its driver on the cluster.
    case queued = "QUEUED"
    /// The agent has not reported for a while.
    case staleStatus = "STALE_STATUS"

    /// `QUEUED`.
    var description: String { rawValue }
}
