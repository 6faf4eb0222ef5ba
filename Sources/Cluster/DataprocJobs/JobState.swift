/// A Dataproc job's state (`JobStatus.state`).
///
/// Transitions: `PENDING → SETUP_DONE → RUNNING → DONE | ERROR`; any active
/// state may go to `ERROR` (the cluster was deleted or stopped) or, through
/// `CANCEL_PENDING`, to `CANCELLED`. `DONE`, `ERROR` and `CANCELLED` are final.
public enum JobState: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Accepted, not started.
    case pending = "PENDING"
    /// The driver is set up.
    case setupDone = "SETUP_DONE"
    /// The driver runs.
    case running = "RUNNING"
    /// A cancel was requested.
    case cancelPending = "CANCEL_PENDING"
    /// Cancelled.
    case cancelled = "CANCELLED"
    /// Finished successfully.
    case done = "DONE"
    /// Failed.
    case error = "ERROR"

    /// `RUNNING`.
    public var description: String { rawValue }

    /// Whether no transition leaves this state (gcloud's terminal set).
    public var isFinal: Bool { self == .done || self == .error || self == .cancelled }

    /// Whether a job in this state may move to `next`.
    public func canMove(to next: JobState) -> Bool {
        if isFinal { return false }
        switch next {
        case .pending: return false
        case .setupDone: return self == .pending
        case .running: return self == .setupDone
        case .done: return self == .running || self == .cancelPending
        case .cancelPending: return self != .cancelPending
        case .cancelled: return self == .cancelPending
        case .error: return true
        }
    }
}
