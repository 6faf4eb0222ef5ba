/// A workflow's state (`WorkflowMetadata.state`), with Dataproc's names.
///
/// Transitions: `PENDING → RUNNING → DONE`, and `PENDING → DONE` for a workflow
/// that ended before it started (a restart). `DONE` is final.
enum WorkflowState: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Accepted; its managed cluster is not asked for yet.
    case pending = "PENDING"
    /// Creating its cluster, running its jobs or deleting its cluster.
    case running = "RUNNING"
    /// Finished, with the operation's result or error.
    case done = "DONE"

    /// `RUNNING`.
    var description: String { rawValue }

    /// Whether a workflow in this state may move to `next`.
    func canMove(to next: WorkflowState) -> Bool {
        switch (self, next) {
        case (.pending, .running), (.pending, .done), (.running, .done): true
        default: false
        }
    }
}
