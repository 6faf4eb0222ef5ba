import ResourceManager

/// One node as reported to users: its shape, its state and what it did.
public struct NodeSummary: Sendable, Hashable {
    /// `NAME-m`, `NAME-w-N` or `NAME-sw-N`.
    public var name: String
    /// Its instance group.
    public var role: ClusterNodeRole
    /// Its NodeManager's state (a master without one reports `RUNNING`).
    public var state: NodeState
    /// Its machine type, e.g. `n1-standard-2`.
    public var machineType: String
    /// YARN memory its NodeManager offers (`yarn.nodemanager.resource.memory-mb`); 0 on a master.
    public var memoryMB: Int
    /// YARN vcores its NodeManager offers; 0 on a master.
    public var vcores: Int
    /// Its local disk's quota.
    public var diskQuotaBytes: Int64
    /// Bytes on its local disk now.
    public var diskUsedBytes: Int64
    /// The most bytes ever on its local disk at once.
    public var peakDiskBytes: Int64
    /// Containers on it now.
    public var runningContainers: Int
    /// The most container memory ever allocated on it at once.
    public var peakMemoryMB: Int
    /// Task attempts it ran (application masters excluded).
    public var tasksRun: Int
    /// Containers it ran, application masters included.
    public var containersRun: Int
    /// The directory that stands for its disk.
    public var directory: String

    /// `etl-w-0  PRIMARY_WORKER  RUNNING  6144 MB  2 vcores  tasks 5  peak memory 6144 MB  peak disk 1.2 MB of 50.0 MB`
    public var line: String {
        var text = "\(name)  \(role)  \(state)"
        if memoryMB > 0 { text += "  \(memoryMB) MB  \(vcores) vcores" }
        text += "  tasks \(tasksRun)  peak memory \(peakMemoryMB) MB"
        text += "  peak disk \(ByteCount.text(peakDiskBytes)) of \(ByteCount.text(diskQuotaBytes))"
        return text
    }
}
