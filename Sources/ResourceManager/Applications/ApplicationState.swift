/// A YARN application's state, as counted by the `yarn-apps-*` metrics.
///
/// States only move forward: `ACCEPTED → RUNNING → FINISHED | FAILED | KILLED`,
/// and an accepted application may also end without ever running. The three
/// final states are final.
public enum ApplicationState: String, Hashable, Sendable, CaseIterable, Codable, CustomStringConvertible {
    /// Submitted, no container allocated yet (counted as `yarn-apps-pending`).
    case accepted = "ACCEPTED"
    /// Holds or has held a container: its first allocation (the application
    /// master, in YARN) moves it here.
    case running = "RUNNING"
    /// Ended successfully (counted as `yarn-apps-completed`).
    case finished = "FINISHED"
    /// Ended in failure.
    case failed = "FAILED"
    /// Ended by a kill request.
    case killed = "KILLED"

    /// YARN's spelling, e.g. `ACCEPTED`.
    public var description: String { rawValue }

    /// Position in `allCases`, for counting by state without hashing.
    var ordinal: Int {
        switch self {
        case .accepted: 0
        case .running: 1
        case .finished: 2
        case .failed: 3
        case .killed: 4
        }
    }

    /// Whether no transition leaves this state.
    public var isFinal: Bool { self == .finished || self == .failed || self == .killed }

    /// Whether an application in this state may move to `next`.
    public func canMove(to next: ApplicationState) -> Bool {
        switch (self, next) {
        case (.accepted, .running): true
        case (.accepted, _), (.running, _): next.isFinal
        default: false
        }
    }
}
