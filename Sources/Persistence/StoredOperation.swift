import Foundation
import GRDB

/// A long-running operation as the store keeps it: its key columns and the
/// `Operation` message exactly as the API serves it (`document`, JSON).
///
/// Operations carry `google.protobuf.Any` metadata and responses of several
/// types, so the API layer owns the document's shape; the store only indexes it.
public struct StoredOperation: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    /// The table.
    public static let databaseTableName = "operation"

    /// The operation's UUID, the last segment of its name.
    public var id: String
    /// The project.
    public var projectId: String
    /// The region.
    public var region: String
    /// The cluster it acts on.
    public var clusterName: String
    /// Whether it has finished.
    public var done: Bool
    /// When it was created, RFC 3339.
    public var createTime: String
    /// The `Operation` message, JSON.
    public var document: Data

    /// A stored operation.
    public init(id: String, projectId: String, region: String, clusterName: String, done: Bool, createTime: String, document: Data) {
        self.id = id
        self.projectId = projectId
        self.region = region
        self.clusterName = clusterName
        self.done = done
        self.createTime = createTime
        self.document = document
    }
}
