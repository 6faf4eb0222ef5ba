/// Why a simulation cannot run: what is wrong with which input, and the fix.
///
/// Renders as `job 'etl-3': containers of 65536 MB do not fit … Fix: …`.
public struct SimulationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the problem is about: `policy`, `cluster`, `job 'etl'`, `sampleInterval` ….
    public var subject: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var fix: String

    /// A simulation error.
    public init(subject: String, message: String, fix: String) {
        self.subject = subject
        self.message = message
        self.fix = fix
    }

    /// `subject: message. Fix: fix`.
    public var description: String { "\(subject): \(message). Fix: \(fix)" }
}
