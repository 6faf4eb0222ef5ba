/// A mistake in a workload trace: the field, what is wrong, and how to fix it.
///
/// Renders as `jobs[2].taskDuration: 'ten' is not a duration. Fix: write seconds like 90s …`.
public struct TraceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field's path in the trace, e.g. `jobs[2].taskDuration`; empty for the whole trace.
    public var field: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var fix: String

    /// A trace error.
    public init(field: String, message: String, fix: String) {
        self.field = field
        self.message = message
        self.fix = fix
    }

    /// `field: message. Fix: fix`.
    public var description: String {
        (field.isEmpty ? "" : "\(field): ") + "\(message). Fix: \(fix)"
    }
}
