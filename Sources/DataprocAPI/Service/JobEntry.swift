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
    var lastSavedState: JobState?

    var state: JobState { message.state }
    var isActive: Bool { message.isActive }
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
