import Synchronization

/// Every node's disk by node name, readable from any thread, so that
/// `TaskLauncher.isAvailable` (synchronous) can tell whether a map output's
/// node still exists without a hop to the cluster actor.
final class NodeDiskRegistry: Sendable {
    private let disks = Mutex<[String: NodeDisk]>([:])

    func register(_ disk: NodeDisk) { disks.withLock { $0[disk.nodeName] = disk } }

    func disk(named name: String) -> NodeDisk? { disks.withLock { $0[name] } }
}
