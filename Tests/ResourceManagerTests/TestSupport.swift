import ResourceManager
import Testing

/// A resource manager that checks every invariant after each event, so any
/// test driving it through `apply` also tests the bookkeeping.
struct CheckedState {
    var state: ResourceManagerState

    init(policy: PlacementPolicy = .spread, maximumAllocation: Resources? = nil) {
        state = ResourceManagerState(
            configuration: ResourceManagerConfiguration(placementPolicy: policy, maximumAllocation: maximumAllocation)
        )
    }

    /// Applies one event, then expects a consistent state.
    @discardableResult
    mutating func apply<Result>(
        _ event: (inout ResourceManagerState) throws -> Result,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        defer { #expect(state.invariantViolations() == [], sourceLocation: sourceLocation) }
        return try event(&state)
    }

    /// Adds `count` nodes named `w-0`, `w-1`, … of one size.
    mutating func addNodes(_ count: Int, memoryMB: Int = 8192, vcores: Int = 4) throws -> [NodeID] {
        try (0..<count).map { index in
            try apply { try $0.addNode(name: "w-\(index)", capacity: Resources(memoryMB: memoryMB, vcores: vcores)) }
        }
    }

    /// Submits an application, asks for containers and runs a scheduling pass.
    mutating func run(
        _ count: Int, memoryMB: Int, vcores: Int = 1, for application: ApplicationID
    ) throws -> [Container] {
        try apply { _ = try $0.requestContainers(count, of: Resources(memoryMB: memoryMB, vcores: vcores), for: application) }
        return try apply { $0.schedule() }
    }

    var metrics: [String: Int64] { state.metrics.keyedValues }
}

/// Every Dataproc `yarn-*` metric at 0 except the ones given.
func yarnMetrics(_ values: [String: Int64]) -> [String: Int64] {
    var all = Dictionary(uniqueKeysWithValues: allYarnMetricKeys.map { ($0, Int64(0)) })
    for (key, value) in values {
        precondition(all[key] != nil, "\(key) is not a Dataproc YARN metric")
        all[key] = value
    }
    return all
}

/// The `yarnMetrics` keys Dataproc reports, as listed in its Cluster message.
let allYarnMetricKeys = [
    "yarn-apps-completed", "yarn-apps-failed", "yarn-apps-killed", "yarn-apps-pending", "yarn-apps-running",
    "yarn-apps-submitted", "yarn-containers-allocated", "yarn-containers-pending", "yarn-containers-reserved",
    "yarn-memory-mb-allocated", "yarn-memory-mb-available", "yarn-memory-mb-pending", "yarn-memory-mb-reserved",
    "yarn-memory-mb-total", "yarn-nodes-active", "yarn-nodes-decommissioned", "yarn-nodes-decommissioning",
    "yarn-nodes-lost", "yarn-nodes-new", "yarn-nodes-rebooted", "yarn-nodes-shutdown", "yarn-nodes-unhealthy",
    "yarn-vcores-allocated", "yarn-vcores-available", "yarn-vcores-pending", "yarn-vcores-reserved", "yarn-vcores-total",
]
