/// A node manager's state, with YARN's names.
///
/// States are ordered and only move forward:
/// `RUNNING → DECOMMISSIONING → DECOMMISSIONED`, and any state that is not
/// final may become `LOST`. `DECOMMISSIONED` and `LOST` are final. A node
/// leaves the resource manager only when the caller removes it.
public enum NodeState: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Accepts new containers.
    case running = "RUNNING"
    /// Draining for a graceful decommission: its containers keep running, it
    /// takes no new ones, and its free resources are not available.
    case decommissioning = "DECOMMISSIONING"
    /// Decommissioned: holds no containers.
    case decommissioned = "DECOMMISSIONED"
    /// Gone without warning (a preempted secondary worker, a crashed host);
    /// its containers were lost.
    case lost = "LOST"

    /// YARN's spelling, e.g. `RUNNING`.
    public var description: String { rawValue }

    /// Position in `allCases`, for counting by state without hashing.
    var ordinal: Int {
        switch self {
        case .running: 0
        case .decommissioning: 1
        case .decommissioned: 2
        case .lost: 3
        }
    }

    /// Whether no transition leaves this state.
    public var isFinal: Bool { self == .decommissioned || self == .lost }

    /// Whether a node in this state may move to `next`.
    public func canMove(to next: NodeState) -> Bool {
        switch (self, next) {
        case (.running, .decommissioning), (.running, .decommissioned), (.running, .lost): true
        case (.decommissioning, .decommissioned), (.decommissioning, .lost): true
        default: false
        }
    }
}
