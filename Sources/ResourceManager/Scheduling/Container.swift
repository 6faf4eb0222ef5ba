/// A container: resources granted to an application on one node.
///
/// Returned by `schedule()` for each new allocation, and by the events that
/// end containers (release, node loss, decommission, application end), so the
/// caller can stop or retry the task that ran in it.
public struct Container: Hashable, Sendable, CustomStringConvertible {
    /// The container's identifier.
    public var id: ContainerID
    /// The application that holds it.
    public var applicationID: ApplicationID
    /// The request it answered.
    public var requestID: ContainerRequestID
    /// The node it runs on.
    public var nodeID: NodeID
    /// Its size.
    public var resources: Resources

    /// A container with these fields.
    public init(
        id: ContainerID, applicationID: ApplicationID, requestID: ContainerRequestID,
        nodeID: NodeID, resources: Resources
    ) {
        self.id = id
        self.applicationID = applicationID
        self.requestID = requestID
        self.nodeID = nodeID
        self.resources = resources
    }

    /// `container#42 app#3 on node#7@2 <memory:3386, vCores:1>`.
    public var description: String { "\(id) \(applicationID) on \(nodeID) \(resources)" }
}
