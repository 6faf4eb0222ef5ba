import Cluster
import Foundation
import GRDB

/// A job as the store keeps it: key columns for lookups and the `Job`
/// message as the API serves it (`document`, JSON) — its program, arguments,
/// labels, status history, YARN applications and the driver output location.
public struct StoredJob: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    /// The table.
    public static let databaseTableName = "job"

    /// The project.
    public var projectId: String
    /// The region.
    public var region: String
    /// The job id (`reference.jobId`).
    public var jobId: String
    /// The cluster it was placed on.
    public var clusterName: String
    /// The state's name, for finding the jobs a restart interrupted. Written
    /// from a `JobState` (see `init(…state: JobState…)`); read back with `jobState`.
    public var state: String
    /// The submit request's id, for idempotent retries.
    public var requestId: String?
    /// When it was submitted, RFC 3339.
    public var createTime: String
    /// The `Job` message, JSON.
    public var document: Data

    /// A stored job.
    public init(
        projectId: String, region: String, jobId: String, clusterName: String, state: String, requestId: String?,
        createTime: String, document: Data
    ) {
        self.projectId = projectId
        self.region = region
        self.jobId = jobId
        self.clusterName = clusterName
        self.state = state
        self.requestId = requestId
        self.createTime = createTime
        self.document = document
    }

    /// A stored job in `state`: the one place where a job's state becomes the column's text.
    public init(
        projectId: String, region: String, jobId: String, clusterName: String, state: JobState, requestId: String?,
        createTime: String, document: Data
    ) {
        self.init(
            projectId: projectId, region: region, jobId: jobId, clusterName: clusterName, state: state.rawValue,
            requestId: requestId, createTime: createTime, document: document)
    }

    /// The state column as a `JobState`; nil for a name this version does not know.
    public var jobState: JobState? { JobState(rawValue: state) }
}
