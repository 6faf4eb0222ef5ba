import Cluster
import Jobs
import MapReduce

/// A job as the service tracks it: its message, and the runtime while it can still change.
struct JobEntry: Sendable {
    var key: ResourceKey
    var message: JobMessage
    var runtime: SimulatedCluster?
    var requestId: String?
    var createTime: GoogleTimestamp
    var lastSavedState: String?

    var state: String { message.status?.state ?? "PENDING" }
    var isActive: Bool { !["DONE", "ERROR", "CANCELLED"].contains(state) }
}

/// A job accepted but not yet started: its cluster runs as many drivers as it has room for.
struct QueuedJob: Sendable {
    var key: ResourceKey
    var program: any JobProgram.Type
    var arguments: [String]
    /// The job's properties; the cluster's `jobDefaults` lie beneath them.
    var properties: [String: String]
    var writer: ObjectSeriesWriter
}
