import ResourceManager

/// What ``ContainerPlacement`` asks the cluster to do after an event, in order.
enum PlacementAction: Sendable, Hashable {
    /// Why a waiting request ends without a container.
    enum Failure: Sendable, Hashable {
        /// Its task was cancelled.
        case cancelled
        /// Its container landed on a node the cluster does not know (named by
        /// its resource-manager identifier).
        case unknownNode(String)
        /// The resource manager refused to take the request again.
        case requestRefused(ResourceManagerError)
        /// The cluster was deleted.
        case clusterDeleted
    }

    /// Hand `container`, on `nodeName`, to `waiter` as `kind`: its wait is over.
    /// `injectedFailure`, when set, is the reason its attempt must fail.
    case grant(waiter: Int, container: Container, nodeName: String, kind: ContainerUse.Kind, injectedFailure: String?)
    /// Hold `container` on `nodeName` for `waiter`, which must avoid that node,
    /// while its request goes round again (always followed by `reRequest`).
    case park(waiter: Int, container: Container, nodeName: String)
    /// Ask the resource manager again for `waiter`'s container, then report the
    /// new request with ``ContainerPlacement/onReRequested(_:as:)`` or the
    /// refusal with ``ContainerPlacement/onReRequestRefused(_:error:)``.
    case reRequest(waiter: Int, resources: Resources, application: ApplicationID)
    /// Give a container back to the resource manager: nobody will use it.
    case release(ContainerID)
    /// End `waiter`'s wait with an error.
    case fail(waiter: Int, Failure)
}
