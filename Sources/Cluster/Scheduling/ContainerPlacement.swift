import Foundation
import ResourceManager

/// Which waiting request each placed container goes to, as a pure state
/// machine: the requests waiting for a container, and the containers they
/// hold on nodes they must avoid.
///
/// It holds no continuation, node directory or clock. Its owner (the cluster
/// actor) feeds it events and carries out the ``PlacementAction``s it returns,
/// in order:
/// 1. ``onRequested(_:by:_:)`` once the resource manager has queued a request.
/// 2. ``onPlaced(_:nodes:faults:)`` with each batch `schedule()` returns.
/// 3. ``onReRequested(_:as:)`` or ``onReRequestRefused(_:error:)`` after
///    carrying out a ``PlacementAction/reRequest(waiter:resources:application:)``.
/// 4. ``onCancelled(_:)`` when a waiter's task is cancelled, and
///    ``onClusterDeleted()`` when the cluster goes.
///
/// Rules:
/// - Containers go to their requests' waiters in the order they were placed,
///   which is the resource manager's FIFO order.
/// - A container placed on a node its waiter excludes (a node a retried
///   attempt must avoid) is parked and the request goes round again, while the
///   waiter holds fewer than `maximumParkedContainers` and some other
///   `RUNNING` worker is large enough to ever hold it; otherwise the waiter
///   takes it. Parked containers are released when the waiter is granted,
///   fails or is cancelled.
/// - An injected attempt fault (``AttemptFaults``) is used up only by the task
///   attempt granted a container, never by a parked placement.
struct ContainerPlacement: Sendable {
    /// A request waiting for its container.
    struct Waiter: Sendable, Hashable {
        /// The application asking.
        var application: ApplicationID
        /// The container's size.
        var resources: Resources
        /// Names of the nodes it should avoid.
        var excluded: Set<String>
        /// What will run in the container.
        var kind: ContainerUse.Kind
        /// The name of the job asking, which attempt faults match.
        var jobName: String
        /// Containers held on excluded nodes while it waits for a better one.
        var parked: [ContainerID] = []
        /// Its request in the resource manager's queue; nil between a park and
        /// the report of the new request.
        var request: ContainerRequestID?
    }

    /// How many containers a waiter may hold on nodes it must avoid; past this
    /// it takes what it gets.
    let maximumParkedContainers: Int
    /// The waiting requests, by waiter identifier.
    private(set) var waiters: [Int: Waiter] = [:]
    private var waiterByRequest: [ContainerRequestID: Int] = [:]

    /// An empty placement; a waiter parks at most `maximumParkedContainers` containers.
    init(maximumParkedContainers: Int = 8) {
        precondition(maximumParkedContainers >= 0, "a waiter parks 0 or more containers, got \(maximumParkedContainers)")
        self.maximumParkedContainers = maximumParkedContainers
    }

    /// A request joined the resource manager's queue as `request`; `id` names
    /// its waiter in actions, and must not name a waiter still waiting.
    mutating func onRequested(_ request: ContainerRequestID, by id: Int, _ waiter: Waiter) {
        precondition(waiters[id] == nil, "waiter \(id) is still waiting; give each request a new waiter identifier")
        var waiter = waiter
        waiter.request = request
        waiters[id] = waiter
        waiterByRequest[request] = id
    }

    /// The resource manager placed `containers` (in allocation order) on
    /// `nodes`; `faults` are the attempt failures still to inject.
    ///
    /// - Complexity: O(n + k) for n nodes and k containers, plus O(n) per
    ///   container placed on an excluded node.
    mutating func onPlaced(_ containers: [Container], nodes: [NodeReport], faults: inout AttemptFaults) -> [PlacementAction] {
        let names = Dictionary(nodes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var actions: [PlacementAction] = []
        for container in containers {
            guard let id = waiterByRequest.removeValue(forKey: container.requestID), var waiter = waiters[id] else {
                // Its waiter gave up.
                actions.append(.release(container.id))
                continue
            }
            guard let nodeName = names[container.nodeID] else {
                waiters[id] = nil
                actions += waiter.parked.map(PlacementAction.release)
                actions += [.release(container.id), .fail(waiter: id, .unknownNode(container.nodeID.description))]
                continue
            }
            if shouldPark(waiter, on: nodeName, nodes: nodes) {
                waiter.parked.append(container.id)
                waiter.request = nil
                waiters[id] = waiter
                actions.append(.park(waiter: id, container: container, nodeName: nodeName))
                actions.append(.reRequest(waiter: id, resources: waiter.resources, application: waiter.application))
                continue
            }
            waiters[id] = nil
            actions += waiter.parked.map(PlacementAction.release)
            var injected: String?
            if case .task(let attempt) = waiter.kind, faults.onLaunch(attempt, jobName: waiter.jobName) {
                injected = "injected failure of \(attempt) on node \(nodeName)"
            }
            actions.append(.grant(waiter: id, container: container, nodeName: nodeName, kind: waiter.kind, injectedFailure: injected))
        }
        return actions
    }

    /// The request of a parked waiter went round again as `request`. A waiter
    /// that is gone by then leaves the request unclaimed: its container is
    /// released when placed.
    mutating func onReRequested(_ waiter: Int, as request: ContainerRequestID) {
        guard waiters[waiter] != nil else { return }
        waiters[waiter]?.request = request
        waiterByRequest[request] = waiter
    }

    /// The resource manager refused a parked waiter's request: it fails the way
    /// a refused first request does, and gives back what it holds.
    mutating func onReRequestRefused(_ waiter: Int, error: ResourceManagerError) -> [PlacementAction] {
        end(waiter, .requestRefused(error))
    }

    /// A waiter's task was cancelled: what it holds goes back, and the
    /// container it waited for is released if it is ever placed.
    ///
    /// - Returns: No action for a waiter that is no longer waiting.
    mutating func onCancelled(_ waiter: Int) -> [PlacementAction] {
        end(waiter, .cancelled)
    }

    /// The cluster is gone, its containers with it: every waiter fails, in the
    /// order it asked.
    mutating func onClusterDeleted() -> [PlacementAction] {
        let failed = waiters.keys.sorted().map { PlacementAction.fail(waiter: $0, .clusterDeleted) }
        waiters = [:]
        waiterByRequest = [:]
        return failed
    }

    private mutating func end(_ id: Int, _ failure: PlacementAction.Failure) -> [PlacementAction] {
        guard let waiter = waiters.removeValue(forKey: id) else { return [] }
        if let request = waiter.request { waiterByRequest[request] = nil }
        return waiter.parked.map(PlacementAction.release) + [.fail(waiter: id, failure)]
    }

    /// Whether a container on `nodeName` should be held while `waiter` asks again.
    private func shouldPark(_ waiter: Waiter, on nodeName: String, nodes: [NodeReport]) -> Bool {
        guard waiter.excluded.contains(nodeName), waiter.parked.count < maximumParkedContainers else { return false }
        return nodes.contains { node in
            node.state == .running && !waiter.excluded.contains(node.name) && node.capacity.fits(waiter.resources)
        }
    }
}
