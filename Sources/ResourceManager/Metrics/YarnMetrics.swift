/// The cluster's YARN metrics, with the meaning of Dataproc's `yarnMetrics`.
///
/// - Memory and vcores: `total` and `available` count `RUNNING` nodes only
///   (available = their capacity minus what their containers hold), so a
///   draining node's free room is never offered to the autoscaler;
///   `allocated` counts containers on every node, draining ones included.
///   While nodes drain, total ≠ allocated + available.
/// - `pending`: containers asked for and not yet placed, and their resources.
/// - `reserved`: always 0; the scheduler never reserves a node.
/// - Apps: `submitted` counts every submission; `pending` (ACCEPTED) and
///   `running` are current; `completed` (FINISHED), `failed` and `killed`
///   count every application that ended so, forgotten or not.
/// - Nodes: how many known nodes are in each state now; a removed node counts
///   nowhere. `new`, `rebooted`, `shutdown` and `unhealthy` are always 0,
///   since nodes join `RUNNING` and those states are never entered.
public struct YarnMetrics: Hashable, Sendable {
    /// `yarn-memory-mb-allocated`.
    public var memoryMBAllocated: Int64
    /// `yarn-memory-mb-available`.
    public var memoryMBAvailable: Int64
    /// `yarn-memory-mb-pending`.
    public var memoryMBPending: Int64
    /// `yarn-memory-mb-reserved`.
    public var memoryMBReserved: Int64
    /// `yarn-memory-mb-total`.
    public var memoryMBTotal: Int64
    /// `yarn-vcores-allocated`.
    public var vcoresAllocated: Int64
    /// `yarn-vcores-available`.
    public var vcoresAvailable: Int64
    /// `yarn-vcores-pending`.
    public var vcoresPending: Int64
    /// `yarn-vcores-reserved`.
    public var vcoresReserved: Int64
    /// `yarn-vcores-total`.
    public var vcoresTotal: Int64
    /// `yarn-containers-allocated`.
    public var containersAllocated: Int64
    /// `yarn-containers-pending`.
    public var containersPending: Int64
    /// `yarn-containers-reserved`.
    public var containersReserved: Int64
    /// `yarn-apps-submitted`.
    public var appsSubmitted: Int64
    /// `yarn-apps-pending`.
    public var appsPending: Int64
    /// `yarn-apps-running`.
    public var appsRunning: Int64
    /// `yarn-apps-completed`.
    public var appsCompleted: Int64
    /// `yarn-apps-failed`.
    public var appsFailed: Int64
    /// `yarn-apps-killed`.
    public var appsKilled: Int64
    /// `yarn-nodes-active`.
    public var nodesActive: Int64
    /// `yarn-nodes-decommissioning`.
    public var nodesDecommissioning: Int64
    /// `yarn-nodes-decommissioned`.
    public var nodesDecommissioned: Int64
    /// `yarn-nodes-lost`.
    public var nodesLost: Int64
    /// `yarn-nodes-new`.
    public var nodesNew: Int64
    /// `yarn-nodes-rebooted`.
    public var nodesRebooted: Int64
    /// `yarn-nodes-shutdown`.
    public var nodesShutdown: Int64
    /// `yarn-nodes-unhealthy`.
    public var nodesUnhealthy: Int64

    /// Every metric under its Dataproc key, e.g. `"yarn-memory-mb-total"`,
    /// as `Cluster.metrics.yarnMetrics` carries them.
    public var keyedValues: [String: Int64] {
        [
            "yarn-memory-mb-allocated": memoryMBAllocated,
            "yarn-memory-mb-available": memoryMBAvailable,
            "yarn-memory-mb-pending": memoryMBPending,
            "yarn-memory-mb-reserved": memoryMBReserved,
            "yarn-memory-mb-total": memoryMBTotal,
            "yarn-vcores-allocated": vcoresAllocated,
            "yarn-vcores-available": vcoresAvailable,
            "yarn-vcores-pending": vcoresPending,
            "yarn-vcores-reserved": vcoresReserved,
            "yarn-vcores-total": vcoresTotal,
            "yarn-containers-allocated": containersAllocated,
            "yarn-containers-pending": containersPending,
            "yarn-containers-reserved": containersReserved,
            "yarn-apps-submitted": appsSubmitted,
            "yarn-apps-pending": appsPending,
            "yarn-apps-running": appsRunning,
            "yarn-apps-completed": appsCompleted,
            "yarn-apps-failed": appsFailed,
            "yarn-apps-killed": appsKilled,
            "yarn-nodes-active": nodesActive,
            "yarn-nodes-decommissioning": nodesDecommissioning,
            "yarn-nodes-decommissioned": nodesDecommissioned,
            "yarn-nodes-lost": nodesLost,
            "yarn-nodes-new": nodesNew,
            "yarn-nodes-rebooted": nodesRebooted,
            "yarn-nodes-shutdown": nodesShutdown,
            "yarn-nodes-unhealthy": nodesUnhealthy,
        ]
    }
}
