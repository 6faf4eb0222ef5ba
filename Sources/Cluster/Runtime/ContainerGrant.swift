import MapReduce
import ResourceManager

/// What a task attempt gets when its container is placed: where it runs and how it is stopped.
struct ContainerGrant: Sendable {
    var containerID: ContainerID
    var nodeName: String
    var disk: NodeDisk
    var cancellation: CancellationFlag
    /// Set when an injected fault must fail this attempt: the reason it reports.
    var injectedFailure: String?
}

/// What runs in a live container.
struct ContainerUse: Sendable {
    enum Kind: Sendable, Hashable {
        case applicationMaster
        case task(TaskAttemptID)
        /// Held on a node the attempt must avoid while a better placement is sought.
        case parked
    }

    var kind: Kind
    var nodeName: String
    var memoryMB: Int
    var cancellation: CancellationFlag
}
