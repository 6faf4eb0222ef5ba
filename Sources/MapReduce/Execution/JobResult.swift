/// What a finished job reports: its counters and where every attempt ran.
public struct JobResult: Sendable {
    /// The job's identifier (`job_…` body).
    public var id: String
    /// The job's name.
    public var name: String
    /// Where the output was committed.
    public var outputPath: String
    /// The job's counters: framework, file system and user counters summed over successful attempts.
    public var counters: Counters
    /// Every attempt, successful or not, with the node that ran it.
    public var attempts: [TaskAttemptReport]
}

/// One task attempt's outcome and placement.
public struct TaskAttemptReport: Sendable, Hashable {
    /// The attempt.
    public var attempt: TaskAttemptID
    /// The node that ran it.
    public var nodeName: String
    /// Nil if it succeeded; otherwise why it failed.
    public var error: String?
    /// The attempt's counters (empty for failed attempts).
    public var counters: Counters
    /// The attempt's last status line, if it set one.
    public var status: String? = nil
    /// The tail of the attempt's log (a streaming task's stderr).
    public var log = TaskLog()

    /// Whether the attempt succeeded.
    public var succeeded: Bool { error == nil }
}

/// A job that did not succeed; its output location was left as it was found.
public struct JobFailure: Error, CustomStringConvertible, Sendable {
    /// The job's identifier.
    public var jobID: String
    /// The task that failed, if a task did.
    public var task: String?
    /// Why the job failed.
    public var message: String
    /// Every attempt made before the failure.
    public var attempts: [TaskAttemptReport]

    public var description: String {
        if let task { return "Job job_\(jobID) failed: task \(task) failed: \(message)" }
        return "Job job_\(jobID) failed: \(message)"
    }
}

/// A job's progress as Hadoop prints it: `map 40% reduce 0%`.
public struct JobProgress: Sendable, Hashable, CustomStringConvertible {
    /// Map phase, from 0 to 1.
    public var map: Double
    /// Reduce phase, from 0 to 1.
    public var reduce: Double

    /// Progress at the given fractions.
    public init(map: Double, reduce: Double) {
        self.map = map
        self.reduce = reduce
    }

    /// Whole percentages, as printed.
    public var mapPercent: Int { Int((map * 100).rounded(.down)) }
    /// Whole percentages, as printed.
    public var reducePercent: Int { Int((reduce * 100).rounded(.down)) }

    public var description: String { " map \(mapPercent)% reduce \(reducePercent)%" }
}
