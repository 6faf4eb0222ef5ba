import Cluster
import Persistence
import ResourceManager

/// A cluster as the service tracks it: the stored facts and, once provisioned, its runtime.
struct ClusterEntry: Sendable {
    var key: ResourceKey
    var uuid: String
    /// The configuration with the server-filled values, as requested; once
    /// there is a runtime, the runtime's configuration is the current one.
    var spec: ClusterSpec
    var labels: [String: String]
    var createTime: GoogleTimestamp
    /// Nil while CREATING, and for a cluster that could not be provisioned (ERROR).
    var runtime: SimulatedCluster?
    /// The status while there is no runtime.
    var status: ClusterStatus
    var history: [ClusterStatus]
    var createRequestId: String?
    var lastSaved: StoredCluster?
}

extension ClusterEntry {
    /// Moves the status kept while there is no runtime to `next`, along
    /// `ClusterState.canMove(to:)` (the runtime's own state machine).
    ///
    /// - Throws: `ClusterError.illegalTransition` when `next` cannot follow the current state; nothing changes then.
    mutating func move(to next: ClusterState, detail: String? = nil, at time: GoogleTimestamp) throws(ClusterError) {
        var lifecycle = ClusterLifecycle(clusterName: key.id, status: status, history: history)
        try lifecycle.move(to: next, detail: detail, at: time)
        status = lifecycle.status
        history = lifecycle.history
    }
}

/// What the API reads from a runtime, in one hop.
struct RuntimeView: Sendable, Hashable {
    var status: ClusterStatus
    var history: [ClusterStatus]
    var config: ClusterConfig
    var yarn: YarnMetrics
    var isDeleted: Bool
}

extension SimulatedCluster {
    /// The status, configuration and YARN metrics at one moment.
    func view() -> RuntimeView {
        RuntimeView(status: status, history: statusHistory, config: config, yarn: yarnMetrics, isDeleted: isDeleted)
    }
}

/// Everything a cluster's JSON is made of: equal renderings encode to equal bytes.
struct ClusterRendering: Sendable, Hashable {
    var view: RuntimeView?
    var labels: [String: String]
    var status: ClusterStatus
    var history: [ClusterStatus]

    init(_ entry: ClusterEntry, view: RuntimeView?) {
        self.view = view
        labels = entry.labels
        status = entry.status
        history = entry.history
    }
}
