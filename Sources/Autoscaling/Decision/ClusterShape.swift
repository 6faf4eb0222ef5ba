/// What the decision needs to know about the cluster right now.
public struct ClusterShape: Sendable, Hashable, Codable {
    /// Primary workers the cluster has now (`workerConfig.numInstances`).
    public var primaryWorkers: Int
    /// Secondary workers the cluster has now (`secondaryWorkerConfig.numInstances`).
    public var secondaryWorkers: Int
    /// One worker's YARN memory, `yarn.nodemanager.resource.memory-mb`: the divisor
    /// that turns memory into workers.
    public var nodeManagerMemoryMB: Int

    /// A shape from its parts.
    public init(primaryWorkers: Int, secondaryWorkers: Int = 0, nodeManagerMemoryMB: Int) {
        self.primaryWorkers = primaryWorkers
        self.secondaryWorkers = secondaryWorkers
        self.nodeManagerMemoryMB = nodeManagerMemoryMB
    }

    /// Primary plus secondary workers: the "current" of the minimum worker fractions.
    public var totalWorkers: Int { primaryWorkers + secondaryWorkers }
}
