/// Which Dataproc instance group a worker node belongs to.
public enum NodeRole: String, Hashable, Sendable, CaseIterable {
    /// A primary worker (`workerConfig`): never preempted.
    case primary = "PRIMARY"
    /// A secondary worker (`secondaryWorkerConfig`): may be preempted, which
    /// the caller reports as a lost node.
    case secondary = "SECONDARY"
}
