/// Graceful decommission deadlines, as YARN tracks them: a node being drained
/// takes no new containers and is stopped once its containers finish or its
/// timeout passes, whichever comes first. Pure: the owner feeds it the time.
public struct DecommissionSchedule: Sendable, Hashable {
    /// Each draining node's forced-stop deadline.
    public private(set) var deadlines: [NodeID: ClusterInstant] = [:]

    /// An empty schedule.
    public init() {}

    /// Starts tracking `node`, to be forced out at `now + timeout` (a zero timeout forces at once).
    public mutating func begin(_ node: NodeID, now: ClusterInstant, timeout: Duration) {
        deadlines[node] = now + max(timeout, .zero)
    }

    /// Stops tracking `node` (it drained, or it was lost).
    public mutating func end(_ node: NodeID) {
        deadlines[node] = nil
    }

    /// The nodes whose deadline has passed at `now`, in node order; they stop being tracked.
    public mutating func due(at now: ClusterInstant) -> [NodeID] {
        let due = deadlines.filter { $0.value <= now }.keys.sorted()
        for node in due { deadlines[node] = nil }
        return due
    }

    /// The earliest deadline still pending.
    public var nextDeadline: ClusterInstant? { deadlines.values.min() }
}
