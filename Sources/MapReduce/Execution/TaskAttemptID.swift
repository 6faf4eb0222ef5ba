/// Identifies one attempt of one task, spelled as Hadoop spells it
/// (`attempt_<job>_m_000003_1`).
public struct TaskAttemptID: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The job's identifier (`job_…` is not included, only its body).
    public var jobID: String
    /// Map or reduce.
    public var kind: TaskKind
    /// The task's index.
    public var task: Int
    /// The attempt number, from 0.
    public var attempt: Int

    /// An attempt identifier.
    public init(jobID: String, kind: TaskKind, task: Int, attempt: Int) {
        self.jobID = jobID
        self.kind = kind
        self.task = task
        self.attempt = attempt
    }

    /// `task_<job>_m_000003`.
    public var taskName: String { "task_\(jobID)_\(kind.letter)_\(Self.pad(task))" }

    public var description: String { "attempt_\(jobID)_\(kind.letter)_\(Self.pad(task))_\(attempt)" }

    public static func < (a: TaskAttemptID, b: TaskAttemptID) -> Bool {
        (a.kind == .reduce ? 1 : 0, a.task, a.attempt) < (b.kind == .reduce ? 1 : 0, b.task, b.attempt)
    }

    /// Part files number tasks with five digits (`part-r-00003`).
    static func partNumber(_ n: Int) -> String {
        let digits = String(n)
        return digits.count >= 5 ? digits : String(repeating: "0", count: 5 - digits.count) + digits
    }

    static func pad(_ n: Int) -> String {
        let digits = String(n)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }
}

/// The two kinds of task.
public enum TaskKind: String, Sendable, Hashable {
    case map
    case reduce

    var letter: String { self == .map ? "m" : "r" }
}
