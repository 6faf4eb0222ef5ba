/// A move that a state machine of the API's own records refuses — a job the
/// service ends itself, an operation, a workflow or one of its steps. It is a
/// bug, never a request's fault: the service logs it with what tried to move.
struct IllegalTransition: Error, Sendable, Hashable, CustomStringConvertible {
    /// What tried to move: `job j1`, `operation 8c1…`, `workflow step step-a`.
    var subject: String
    /// Its state.
    var from: String
    /// The state it was asked to enter.
    var to: String

    /// A refused move of `subject` from `from` to `to`.
    init(_ subject: String, from: some CustomStringConvertible, to: some CustomStringConvertible) {
        self.subject = subject
        self.from = from.description
        self.to = to.description
    }

    /// `job j1 cannot move from DONE to ERROR`.
    var description: String { "\(subject) cannot move from \(from) to \(to)" }
}
