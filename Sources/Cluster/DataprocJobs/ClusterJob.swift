import MapReduce

/// A job on a cluster as reported to users: Dataproc's `Job` plus what the
/// MapReduce jobs it ran produced.
public struct ClusterJob: Sendable {
    /// The job id (`reference.jobId`).
    public var id: String
    /// `jobUuid`.
    public var uuid: String
    /// What runs: a program name such as `wordcount`, or the MapReduce job's name.
    public var name: String
    /// The current status.
    public var status: JobStatus
    /// Earlier statuses, oldest first.
    public var statusHistory: [JobStatus]
    /// The YARN applications it ran, in order.
    public var yarnApplications: [YarnApplication]
    /// The driver's output lines: Hadoop's progress and counters, and the program's own lines.
    public var driverOutput: [String]
    /// Each MapReduce job's result, in order.
    public var results: [JobResult]
    /// Every task attempt of every MapReduce job, with the node that ran it, failed ones included.
    public var attempts: [TaskAttemptReport]

    /// The current state.
    public var state: JobState { status.state }
    /// Whether it has ended (`done` on the wire).
    public var done: Bool { status.state.isFinal }
}
