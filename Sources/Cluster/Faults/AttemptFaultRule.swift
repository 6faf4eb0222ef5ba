import MapReduce

/// "Fail the next `count` attempts of map task 3": a fault injected into task attempts.
public struct AttemptFaultRule: Sendable, Hashable {
    /// Map or reduce.
    public var kind: TaskKind
    /// The task's index.
    public var task: Int
    /// How many more attempts to fail.
    public var remaining: Int
    /// Only attempts of MapReduce jobs with this name; nil for any job.
    public var jobName: String?

    /// A rule failing the next `count` attempts of task `task`.
    public init(kind: TaskKind, task: Int, count: Int = 1, jobName: String? = nil) {
        self.kind = kind
        self.task = task
        self.remaining = count
        self.jobName = jobName
    }
}
