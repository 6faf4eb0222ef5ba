import GRDB

extension Store {
    /// The schema, one migration per change; never edit a shipped migration, add one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: StoredCluster.databaseTableName) { table in
                table.column("projectId", .text).notNull()
                table.column("region", .text).notNull()
                table.column("clusterName", .text).notNull()
                table.column("clusterUuid", .text).notNull()
                table.column("spec", .text).notNull()
                table.column("labels", .text).notNull()
                table.column("status", .text).notNull()
                table.column("statusHistory", .text).notNull()
                table.column("createTime", .text).notNull()
                table.primaryKey(["projectId", "region", "clusterName"])
            }
            try db.create(table: StoredOperation.databaseTableName) { table in
                table.column("id", .text).notNull().primaryKey()
                table.column("projectId", .text).notNull()
                table.column("region", .text).notNull()
                table.column("clusterName", .text).notNull()
                table.column("done", .boolean).notNull()
                table.column("createTime", .text).notNull()
                table.column("document", .blob).notNull()
            }
            try db.create(table: StoredJob.databaseTableName) { table in
                table.column("projectId", .text).notNull()
                table.column("region", .text).notNull()
                table.column("jobId", .text).notNull()
                table.column("clusterName", .text).notNull()
                table.column("state", .text).notNull()
                table.column("requestId", .text)
                table.column("createTime", .text).notNull()
                table.column("document", .blob).notNull()
                table.primaryKey(["projectId", "region", "jobId"])
            }
            try db.create(table: StoredPolicy.databaseTableName) { table in
                table.column("projectId", .text).notNull()
                table.column("region", .text).notNull()
                table.column("policyId", .text).notNull()
                table.column("policy", .text).notNull()
                table.column("createTime", .text).notNull()
                table.primaryKey(["projectId", "region", "policyId"])
            }
        }
        migrator.registerMigration("v2: scaling history") { db in
            try db.create(table: StoredScalingHistory.databaseTableName) { table in
                table.column("clusterUuid", .text).notNull().primaryKey()
                table.column("entries", .text).notNull()
            }
        }
        return migrator
    }
}
