import Foundation
import GRDB

/// The server's state in one SQLite file: clusters, operations, jobs,
/// autoscaling policies and clusters' scaling histories.
///
/// The database runs in WAL mode, and every change is a transaction, so a
/// process killed at any moment leaves a file that opens with the last
/// committed state. Schema changes go through `DatabaseMigrator`.
public final class Store: Sendable {
    /// The database file name inside a data directory.
    public static let fileName = "miniproc.sqlite"

    /// The database file.
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    ///
    /// - Throws: `StoreError` naming the file.
    public init(path: String) throws {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            configuration.prepareDatabase { db in
                // WAL with NORMAL sync: a crashed process loses no committed
                // transaction; only a power loss may drop the last ones.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(path: path, action: "open", reason: String(describing: error))
        }
    }

    /// Opens the store of the data directory `directory`, creating the directory if needed.
    public convenience init(directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(path: directory, action: "create the directory of", reason: String(describing: error))
        }
        try self.init(path: (directory as NSString).appendingPathComponent(Self.fileName))
    }

    /// Reads everything.
    ///
    /// - Complexity: O(n) in the number of stored records.
    public func load() throws -> StoreContents {
        do {
            return try pool.read { db in
                StoreContents(
                    clusters: try StoredCluster.order(Column.rowID).fetchAll(db),
                    operations: try StoredOperation.order(Column.rowID).fetchAll(db),
                    jobs: try StoredJob.order(Column.rowID).fetchAll(db),
                    policies: try StoredPolicy.order(Column.rowID).fetchAll(db),
                    scalingHistories: try StoredScalingHistory.order(Column.rowID).fetchAll(db)
                )
            }
        } catch {
            throw StoreError(path: path, action: "load", reason: String(describing: error))
        }
    }

    /// Applies `changes` in order, in one transaction: all of them or none.
    public func apply(_ changes: [StoreChange]) throws {
        guard !changes.isEmpty else { return }
        do {
            try pool.write { db in
                for change in changes { try Self.apply(change, in: db) }
            }
        } catch {
            throw StoreError(path: path, action: "write", reason: String(describing: error))
        }
    }

    /// Applies one change in its own transaction.
    public func apply(_ change: StoreChange) throws { try apply([change]) }

    private static func apply(_ change: StoreChange, in db: Database) throws {
        switch change {
        case let .saveCluster(record): try record.save(db)
        case let .deleteCluster(projectId, region, clusterName):
            _ = try StoredCluster.deleteOne(db, key: ["projectId": projectId, "region": region, "clusterName": clusterName])
        case let .saveOperation(record): try record.save(db)
        case let .deleteOperation(id):
            _ = try StoredOperation.deleteOne(db, key: ["id": id])
        case let .saveJob(record): try record.save(db)
        case let .deleteJob(projectId, region, jobId):
            _ = try StoredJob.deleteOne(db, key: ["projectId": projectId, "region": region, "jobId": jobId])
        case let .savePolicy(record): try record.save(db)
        case let .deletePolicy(projectId, region, policyId):
            _ = try StoredPolicy.deleteOne(db, key: ["projectId": projectId, "region": region, "policyId": policyId])
        case let .saveScalingHistory(record): try record.save(db)
        case let .deleteScalingHistory(clusterUuid):
            _ = try StoredScalingHistory.deleteOne(db, key: ["clusterUuid": clusterUuid])
        }
    }
}
