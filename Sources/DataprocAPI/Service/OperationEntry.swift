import Cluster

/// A long-running operation as the service tracks it.
struct OperationEntry: Sendable {
    var key: ResourceKey
    var message: OperationMessage
    var createTime: GoogleTimestamp
    var requestId: String?
    /// Set for a workflow whose cancellation was asked for.
    var cancelRequested = false

    var done: Bool { message.done == true }
}
