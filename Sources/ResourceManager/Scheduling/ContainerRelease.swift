/// What releasing a container did.
public struct ContainerRelease: Hashable, Sendable {
    /// The container that ended.
    public var container: Container
    /// Its node, when that node is decommissioning and now holds no
    /// container: the caller may complete its decommission.
    public var drainedNode: NodeID?
}
