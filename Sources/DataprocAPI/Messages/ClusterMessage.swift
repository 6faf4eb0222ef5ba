import Cluster

/// The `Cluster` message as the API serves it.
struct ClusterMessage: Codable, Sendable, Hashable {
    /// `@type`, set when the cluster is an operation's response.
    var type: String?
    var projectId: String
    var clusterName: String
    var config: ClusterConfig?
    var labels: [String: String]?
    var status: ClusterStatusMessage?
    var statusHistory: [ClusterStatusMessage]?
    var clusterUuid: String?
    var metrics: ClusterMetricsMessage?

    static let typeURL = "type.googleapis.com/google.cloud.dataproc.v1.Cluster"

    enum CodingKeys: String, CodingKey {
        case type = "@type", projectId, clusterName, config, labels, status, statusHistory, clusterUuid, metrics
    }
}

/// `ClusterStatus`.
struct ClusterStatusMessage: Codable, Sendable, Hashable {
    var state: ClusterState
    var detail: String?
    var stateStartTime: String
    var substate: String?

    init(_ status: ClusterStatus) {
        state = status.state
        detail = status.detail
        stateStartTime = status.stateStartTime.description
    }
}

/// `ClusterMetrics`: int64 values as strings.
struct ClusterMetricsMessage: Codable, Sendable, Hashable {
    var hdfsMetrics: [String: String]?
    var yarnMetrics: [String: String]?
}
