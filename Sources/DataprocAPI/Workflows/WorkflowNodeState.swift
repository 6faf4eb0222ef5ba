/// A workflow step's state (`WorkflowNode.state`), with Dataproc's names.
///
/// Transitions: `BLOCKED → RUNNABLE` once every prerequisite is `COMPLETED`,
/// `RUNNABLE → RUNNING` once its job is submitted (or `FAILED` when it cannot
/// be), `RUNNING → COMPLETED | FAILED` as its job ends. A step whose
/// prerequisite failed stays `BLOCKED`. `COMPLETED` and `FAILED` are final.
enum WorkflowNodeState: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Waits for a prerequisite.
    case blocked = "BLOCKED"
    /// Every prerequisite completed; its job can be submitted.
    case runnable = "RUNNABLE"
    /// Its job runs.
    case running = "RUNNING"
    /// Its job is DONE.
    case completed = "COMPLETED"
    /// Its job ended in ERROR or CANCELLED, or could not be submitted.
    case failed = "FAILED"

    /// `RUNNING`.
    var description: String { rawValue }

    /// Whether a step in this state may move to `next`.
    func canMove(to next: WorkflowNodeState) -> Bool {
        switch (self, next) {
        case (.blocked, .runnable), (.runnable, .running), (.runnable, .failed), (.running, .completed), (.running, .failed): true
        default: false
        }
    }
}
