/// What ending an application did.
public struct ApplicationEnd: Hashable, Sendable {
    /// The containers it held, now released, in allocation order; the caller
    /// stops whatever still runs in them.
    public var releasedContainers: [Container]
    /// How many containers it was still waiting for; those requests are gone.
    public var droppedPendingContainers: Int
    /// Decommissioning nodes left without containers, in slot order.
    public var drainedNodes: [NodeID]
}
