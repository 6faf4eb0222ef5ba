/// A node as seen from outside: identity, state and per-node metrics.
public struct NodeReport: Hashable, Sendable {
    /// The node's identifier.
    public var id: NodeID
    /// The name it was added with.
    public var name: String
    /// Its instance group.
    public var role: NodeRole
    /// Its state.
    public var state: NodeState
    /// What it offers to containers (`yarn.nodemanager.resource.*`).
    public var capacity: Resources
    /// Held by its containers.
    public var allocated: Resources
    /// What new containers could use: capacity minus allocated while
    /// `RUNNING`, zero in any other state (a draining node's free room is not
    /// available, as in YARN's metrics).
    public var available: Resources
    /// How many containers run on it.
    public var containerCount: Int
}
