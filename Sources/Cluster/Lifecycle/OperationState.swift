/// A long-running operation's state (`ClusterOperationStatus.state`): PENDING, then RUNNING, then DONE.
public enum OperationState: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Accepted, not started.
    case pending = "PENDING"
    /// Under way.
    case running = "RUNNING"
    /// Finished, with a result or an error.
    case done = "DONE"

    /// `DONE`.
    public var description: String { rawValue }
}
