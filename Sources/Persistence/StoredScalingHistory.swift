import Autoscaling
import GRDB

/// A cluster's autoscaling evaluations as the store keeps them, keyed by the
/// cluster's UUID, so that a restart keeps the history a client was shown.
public struct StoredScalingHistory: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    /// The table.
    public static let databaseTableName = "scalingHistory"

    /// The cluster's UUID.
    public var clusterUuid: String
    /// Its evaluations, oldest first.
    public var entries: [ScalingHistoryEntry]

    /// A stored history.
    public init(clusterUuid: String, entries: [ScalingHistoryEntry]) {
        self.clusterUuid = clusterUuid
        self.entries = entries
    }
}
