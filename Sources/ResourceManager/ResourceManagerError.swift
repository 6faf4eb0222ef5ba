/// Why the resource manager refused an event. The state is unchanged when one
/// is thrown.
public enum ResourceManagerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The node identifier names no node: never added, or already removed.
    case unknownNode(NodeID)
    /// Another node already has this name.
    case duplicateNodeName(String)
    /// A node's capacity must have at least 1 MB and 1 vcore.
    case invalidNodeCapacity(name: String, capacity: Resources)
    /// Node states only move forward (see `NodeState`).
    case illegalNodeTransition(name: String, from: NodeState, to: NodeState)
    /// The application identifier names no application: never submitted, or forgotten.
    case unknownApplication(ApplicationID)
    /// Application states only move forward (see `ApplicationState`).
    case illegalApplicationTransition(ApplicationID, from: ApplicationState, to: ApplicationState)
    /// Only an application that has not ended may ask for containers.
    case applicationEnded(ApplicationID, state: ApplicationState)
    /// Only an application that has ended may be forgotten.
    case applicationNotEnded(ApplicationID, state: ApplicationState)
    /// A request must ask for at least one container.
    case invalidContainerCount(Int)
    /// A container needs at least 1 MB and 1 vcore.
    case invalidContainerResources(Resources)
    /// The container is larger than the configured maximum allocation.
    case exceedsMaximumAllocation(requested: Resources, maximum: Resources)
    /// The container identifier names no live container: never allocated, or
    /// already ended (released, or killed with its node or application).
    case unknownContainer(ContainerID)

    /// What went wrong and how to fix it.
    public var description: String {
        switch self {
        case .unknownNode(let id):
            "no node \(id): it was never added or has been removed; use an identifier returned by addNode"
        case .duplicateNodeName(let name):
            "a node named '\(name)' already exists; give each node a unique name"
        case .invalidNodeCapacity(let name, let capacity):
            "node '\(name)' has capacity \(capacity); give it at least 1 MB of memory and 1 vcore"
        case .illegalNodeTransition(let name, let from, let to):
            "node '\(name)' cannot move from \(from) to \(to); node states only move forward (RUNNING → DECOMMISSIONING → DECOMMISSIONED, or to LOST)"
        case .unknownApplication(let id):
            "no application \(id): it was never submitted or has been forgotten"
        case .illegalApplicationTransition(let id, let from, let to):
            "application \(id) cannot move from \(from) to \(to); an application ends once, as FINISHED, FAILED or KILLED"
        case .applicationEnded(let id, let state):
            "application \(id) has ended (\(state)) and cannot ask for containers; submit a new application"
        case .applicationNotEnded(let id, let state):
            "application \(id) is \(state); end it (FINISHED, FAILED or KILLED) before forgetting it"
        case .invalidContainerCount(let count):
            "a request must ask for at least 1 container, got \(count)"
        case .invalidContainerResources(let resources):
            "a container of \(resources) is too small; ask for at least 1 MB of memory and 1 vcore"
        case .exceedsMaximumAllocation(let requested, let maximum):
            "a container of \(requested) exceeds the maximum allocation \(maximum); ask for less or raise yarn.scheduler.maximum-allocation-mb/-vcores"
        case .unknownContainer(let id):
            "no live container \(id): it was never allocated or has already ended"
        }
    }
}
