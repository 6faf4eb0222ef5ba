/// A YARN-like resource manager as a pure state machine: nodes, applications,
/// a FIFO queue of container requests, placement, and YARN's cluster metrics.
///
/// It holds no clock, lock or actor and performs no action: each `mutating`
/// event method validates the event, updates the state and returns what
/// happened (new allocations, containers that ended), and its owner carries
/// that out — starts or kills tasks, retries attempts. Invalid events throw a
/// `ResourceManagerError` and leave the state unchanged.
///
/// Driving it:
/// 1. `addNode(name:role:capacity:)` for each worker.
/// 2. `submitApplication(name:queue:)`, then
///    `requestContainers(_:of:for:)` for what the application needs.
/// 3. `schedule()` — a scheduling pass, like a round of node heartbeats —
///    places what fits and returns the new containers. Call it after any event
///    that can free room or add demand (a request, a release, a new node, an
///    application's end); events never place containers on their own, so a
///    caller can batch several before one pass.
/// 4. `releaseContainer(_:)` when a task ends; `endApplication(_:as:)` when a
///    job ends; `startDecommissioning(_:)`, `completeDecommissioning(_:)`,
///    `loseNode(_:)` and `removeNode(_:)` as the cluster changes shape.
/// 5. `metrics` for the `yarn-*` metrics at any time.
///
/// Queue policy: one FIFO queue across all applications, in request order, as
/// YARN's FIFO scheduler. The head request is placed container by container
/// while it fits somewhere; when it does not, it blocks every later request,
/// even smaller ones that would fit. Requests are never reordered or skipped:
/// a request too large for every node waits until a large enough node joins,
/// and `ResourceManagerConfiguration.maximumAllocation` rejects such requests
/// up front, as YARN does. Strict order keeps large containers from starving
/// and makes the pending metrics mean "work that is waiting for capacity",
/// which is what the autoscaler reads. No node is ever reserved, so the
/// `reserved` metrics are always 0.
///
/// Placement policy: see `PlacementPolicy` (default: most free memory, ties to
/// the lowest slot). Only `RUNNING` nodes take containers.
public struct ResourceManagerState: Sendable {
    /// The settings this state was created with.
    public let configuration: ResourceManagerConfiguration

    var nodes: [NodeRecord] = []
    /// Free node slots, highest first, so the lowest is taken next.
    var freeNodeSlots: [Int] = []
    var nodeSlotsByName: [String: Int] = [:]
    var nextNodeSequence = 1
    var placementTree = PlacementTree()

    var applications: [ApplicationRecord] = []
    var freeApplicationSlots: [Int] = []
    var nextApplicationSequence = 1

    var containers: [ContainerRecord] = []
    var freeContainerSlots: [Int32] = []
    var nextContainerSequence = 1

    /// The FIFO queue; entries before `queueHead` are done. Entries of ended
    /// applications stay until the head passes them, and are skipped then.
    var queue: [PendingRequest] = []
    var queueHead = 0
    var nextRequestSequence = 1

    var totals = ClusterTotals()

    /// An empty resource manager: no nodes, no applications.
    public init(configuration: ResourceManagerConfiguration = ResourceManagerConfiguration()) {
        self.configuration = configuration
    }
}
