import Cluster
import GRDB

/// A cluster as the store keeps it: enough to provision it again after a
/// restart under the same UUID and to show its status history.
///
/// Keyed by (`projectId`, `region`, `clusterName`). `spec` holds the
/// configuration with the server-filled values (buckets, zone, machine type
/// URLs) and the current worker counts; `labels` include the `goog-dataproc-*`
/// ones.
public struct StoredCluster: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    /// The table.
    public static let databaseTableName = "cluster"

    /// The project.
    public var projectId: String
    /// The region.
    public var region: String
    /// The cluster's name.
    public var clusterName: String
    /// Its UUID.
    public var clusterUuid: String
    /// Its configuration, server-filled values included.
    public var spec: ClusterSpec
    /// Its labels, the server's included.
    public var labels: [String: String]
    /// The current status.
    public var status: StoredStatus
    /// Earlier statuses, oldest first.
    public var statusHistory: [StoredStatus]
    /// When it was created, RFC 3339.
    public var createTime: String

    /// A stored cluster.
    public init(
        projectId: String, region: String, clusterName: String, clusterUuid: String, spec: ClusterSpec,
        labels: [String: String], status: StoredStatus, statusHistory: [StoredStatus], createTime: String
    ) {
        self.projectId = projectId
        self.region = region
        self.clusterName = clusterName
        self.clusterUuid = clusterUuid
        self.spec = spec
        self.labels = labels
        self.status = status
        self.statusHistory = statusHistory
        self.createTime = createTime
    }
}
