import ResourceManager

/// Which instance group a simulated VM belongs to.
public enum ClusterNodeRole: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The master (`NAME-m`); it runs a NodeManager only on a single-node cluster.
    case master = "MASTER"
    /// A primary worker (`NAME-w-N`).
    case primaryWorker = "PRIMARY_WORKER"
    /// A secondary worker (`NAME-sw-N`), preemptible by default.
    case secondaryWorker = "SECONDARY_WORKER"

    /// The name Dataproc gives the VM with `index` in this group of cluster `cluster`.
    public func nodeName(cluster: String, index: Int) -> String {
        switch self {
        case .master: index == 0 ? "\(cluster)-m" : "\(cluster)-m-\(index)"
        case .primaryWorker: "\(cluster)-w-\(index)"
        case .secondaryWorker: "\(cluster)-sw-\(index)"
        }
    }

    /// The resource manager's role for a NodeManager on a VM of this group.
    var resourceManagerRole: NodeRole { self == .secondaryWorker ? .secondary : .primary }

    /// `MASTER`, `PRIMARY_WORKER` or `SECONDARY_WORKER`.
    public var description: String { rawValue }
}
