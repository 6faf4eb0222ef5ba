import ResourceManager

/// One simulated VM as the cluster actor keeps it: identity, YARN capacity,
/// local disk, state and what ran on it.
struct SimulatedNode: Sendable {
    /// `NAME-m`, `NAME-w-N` or `NAME-sw-N`.
    var name: String
    var role: ClusterNodeRole
    /// The index within its group (the `N` of its name).
    var index: Int
    var machineType: MachineType
    /// What its NodeManager offers; nil on a master that runs no NodeManager.
    var capacity: Resources?
    var disk: NodeDisk
    /// The resource manager's identifier while its NodeManager is registered.
    var resourceManagerID: NodeID?
    var state: NodeState = .running
    /// Containers now on it.
    var containers: Set<ContainerID> = []
    var allocatedMemoryMB = 0
    var peakMemoryMB = 0
    var tasksRun = 0
    var containersRun = 0

    /// Whether it runs a NodeManager that takes containers.
    var isWorker: Bool { capacity != nil }

    var summary: NodeSummary {
        NodeSummary(
            name: name, role: role, state: state, machineType: machineType.name,
            memoryMB: capacity?.memoryMB ?? 0, vcores: capacity?.vcores ?? 0,
            diskQuotaBytes: disk.quotaBytes, diskUsedBytes: disk.usedBytes, peakDiskBytes: disk.peakBytes,
            runningContainers: containers.count, peakMemoryMB: peakMemoryMB, tasksRun: tasksRun,
            containersRun: containersRun, directory: disk.directory
        )
    }
}
