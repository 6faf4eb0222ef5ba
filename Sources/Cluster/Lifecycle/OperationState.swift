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

    /// Whether an operation in this state may move to `next`: one step forward.
    public func canMove(to next: OperationState) -> Bool {
        switch (self, next) {
        case (.pending, .running), (.running, .done): true
        default: false
        }
    }
}
