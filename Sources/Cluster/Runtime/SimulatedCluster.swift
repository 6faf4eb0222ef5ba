import Foundation
import MapReduce
import ResourceManager

/// A running simulated Dataproc cluster: a master, primary and secondary
/// workers with YARN capacity and real local-disk directories, a YARN-like
/// resource manager placing the containers of its jobs, the Dataproc
/// lifecycle (states, operations, TTLs) and injectable faults.
///
/// Create one with `SimulatedCluster.create(spec:clock:options:)`, submit
/// jobs with `submit(…)`, and delete it with `delete()`, which cancels running
/// jobs and removes every node directory. All time — TTLs, graceful
/// decommission timeouts, metrics samples — comes from the injected
/// `ClusterClock`; with a `ManualClusterClock`, call `tick()` after advancing
/// it to process whatever fell due.
public actor SimulatedCluster {
    /// The cluster's name.
    public nonisolated let clusterName: String
    /// Its project.
    public nonisolated let projectId: String
    /// Its UUID.
    public nonisolated let clusterUuid: String
    /// The clock it reads.
    public nonisolated let clock: any ClusterClock
    /// How it maps onto this machine.
    public nonisolated let options: ClusterOptions
    /// The directory holding its node directories; removed on delete.
    public nonisolated let dataDirectory: String
    /// Its workers' YARN and MapReduce sizes.
    public nonisolated let sizing: YarnSizing
    /// Its `softwareConfig.properties`, as created.
    public nonisolated let properties: [String: String]

    nonisolated let disks = NodeDiskRegistry()
    nonisolated let executionSlots: AsyncSemaphore
    /// Milliseconds since 1970 when the cluster was created: the `<timestamp>` of YARN ids.
    nonisolated let idTimestamp: Int64

    /// The spec, with the worker counts kept current.
    public internal(set) var spec: ClusterSpec
    var lifecycle: ClusterLifecycle
    var resourceManager: ResourceManagerState
    var nodes: [SimulatedNode] = []
    var nodeIndex: [String: Int] = [:]
    var operationList: [ClusterOperation] = []
    var operationTasks: [String: Task<Void, Never>] = [:]
    var jobs: [String: JobRecord] = [:]
    var jobOrder: [String] = []
    /// Which waiting request each placed container goes to; their continuations are in `grantContinuations`.
    var placement = ContainerPlacement()
    var grantContinuations: [Int: CheckedContinuation<ContainerGrant, any Error>] = [:]
    var nextWaiterID = 0
    var containerUses: [ContainerID: ContainerUse] = [:]
    var decommissions = DecommissionSchedule()
    var decommissionWaiters: [CheckedContinuation<Void, Never>] = []
    var timers: LifecycleTimers
    var idleSince: ClusterInstant?
    var metricsWindow: MetricsWindow
    var lastSample: ClusterInstant?
    var faults = AttemptFaults()
    var applicationSequence = 0
    /// Applications holding an application-master slot, with their masters' memory.
    var masterMemory: [ApplicationID: Int] = [:]
    var masterSlotWaiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    /// Who hears of the loss of each live application master's container.
    var masterWatchers: [ContainerID: @Sendable (String) -> Void] = [:]
    var deleteTask: Task<ClusterOperation, Never>?
    var timerTask: Task<Void, Never>?
    /// True once the delete operation is done: the cluster is gone.
    public internal(set) var isDeleted = false
    /// Who hears of the cluster's changes (``changes()``).
    var subscribers: [Int: AsyncStream<ClusterChange>.Continuation] = [:]
    var nextSubscriberID = 0

    init(spec: ClusterSpec, sizing: YarnSizing, clock: any ClusterClock, options: ClusterOptions, clusterUuid: String? = nil) {
        let uuid = clusterUuid ?? UUID().uuidString.lowercased()
        let now = clock.now
        clusterName = spec.clusterName
        projectId = spec.projectId
        self.clusterUuid = uuid
        self.clock = clock
        self.options = options
        self.sizing = sizing
        self.spec = spec
        properties = spec.config?.softwareConfig?.properties ?? [:]
        dataDirectory = options.dataDirectory
            ?? NSTemporaryDirectory() + "miniproc-\(spec.clusterName)-\(uuid.prefix(8))"
        executionSlots = options.hostParallelism.map { AsyncSemaphore(permits: max(1, $0)) } ?? HostExecution.shared
        idTimestamp = Int64(clock.date(of: now).timeIntervalSince1970 * 1000)
        lifecycle = ClusterLifecycle(clusterName: spec.clusterName, createdAt: GoogleTimestamp(clock.date(of: now)))
        resourceManager = ResourceManagerState(configuration: ResourceManagerConfiguration(
            placementPolicy: options.placementPolicy,
            maximumAllocation: Resources(memoryMB: sizing.maximumAllocationMB, vcores: sizing.nodeManagerVcores)
        ))
        timers = LifecycleTimers(config: spec.config?.lifecycleConfig ?? LifecycleConfig(), createdAt: now)
        metricsWindow = MetricsWindow(capacity: options.metricsWindowCapacity)
    }

    /// Creates a cluster from `spec`: validates it, provisions its nodes (a
    /// directory each) through a CREATE operation, and returns it RUNNING.
    ///
    /// - Throws: `ClusterError.invalidConfig` naming the field and the fix.
    ///
    /// - Parameters:
    ///   - clusterUuid: the UUID to give it; nil for a new one. A server
    ///     passes the UUID it already told its client.
    ///   - operationID: the id of its CREATE operation; nil for a new one. A
    ///     server passes the operation it already told its client of.
    public static func create(
        spec: ClusterSpec, clock: any ClusterClock = SystemClusterClock(), options: ClusterOptions = ClusterOptions(),
        clusterUuid: String? = nil, operationID: String? = nil
    ) async throws -> SimulatedCluster {
        do {
            try spec.validate(now: GoogleTimestamp(clock.date(of: clock.now)))
        } catch {
            throw ClusterError.invalidConfig(error)
        }
        let config = spec.config ?? ClusterConfig()
        let sizing: YarnSizing
        do {
            sizing = try YarnSizing(config: config)
        } catch {
            throw ClusterError.invalidConfig(error)
        }
        let cluster = SimulatedCluster(spec: spec, sizing: sizing, clock: clock, options: options, clusterUuid: clusterUuid)
        try await cluster.provision(operationID: operationID)
        return cluster
    }

    // MARK: - Reading

    /// The current status.
    public var status: ClusterStatus { lifecycle.status }

    /// Earlier statuses, oldest first.
    public var statusHistory: [ClusterStatus] { lifecycle.history }

    /// The current state.
    public var state: ClusterState { lifecycle.state }

    /// Every operation, oldest first.
    public var operations: [ClusterOperation] { operationList }

    /// The operation with this id.
    public func operation(id: String) -> ClusterOperation? { operationList.first { $0.id == id } }

    /// Every node ever provisioned, in creation order: current ones and those
    /// decommissioned or lost (with their final state).
    public var nodeSummaries: [NodeSummary] { nodes.map(\.summary) }

    /// The names of the nodes that are up: the master(s) and RUNNING or DECOMMISSIONING workers.
    public var activeNodeNames: [String] {
        nodes.filter { $0.state == .running || $0.state == .decommissioning }.map(\.name)
    }

    /// The cluster's configuration now (worker counts current, `idleStartTime` filled in).
    public var config: ClusterConfig {
        var config = spec.config ?? ClusterConfig()
        if idleSince != nil || config.lifecycleConfig != nil {
            var lifecycle = config.lifecycleConfig ?? LifecycleConfig()
            lifecycle.idleStartTime = idleSince.map { GoogleTimestamp(clock.date(of: $0)) }
            config.lifecycleConfig = lifecycle
        }
        return config
    }

    /// The resource manager's view of every NodeManager.
    public var nodeReports: [NodeReport] { resourceManager.nodeReports }

    // MARK: - Helpers shared by the extensions

    var nowTimestamp: GoogleTimestamp { GoogleTimestamp(clock.date(of: clock.now)) }

    func node(named name: String) -> SimulatedNode? { nodeIndex[name].map { nodes[$0] } }

    func nodeName(of id: NodeID) -> String? { resourceManager.node(id)?.name }

    func workers(_ role: ClusterNodeRole) -> [SimulatedNode] {
        nodes.filter { $0.role == role && $0.isWorker && ($0.state == .running || $0.state == .decommissioning) }
    }

    /// Adds a node and its directory; a worker also joins the resource manager.
    /// What a node's NodeManager offers YARN; nil for a master beside workers, which runs none.
    func nodeManagerCapacity(role: ClusterNodeRole, machineType: MachineType, config: ClusterConfig) throws -> Resources? {
        switch role {
        case .master:
            guard config.primaryWorkerCount == 0 else { return nil }
            return Resources(memoryMB: sizing.nodeManagerMemoryMB, vcores: sizing.nodeManagerVcores)
        case .primaryWorker:
            return Resources(memoryMB: sizing.nodeManagerMemoryMB, vcores: sizing.nodeManagerVcores)
        case .secondaryWorker:
            do {
                let own = try YarnSizing.nodeManagerCapacity(
                    machineType: machineType, properties: config.softwareConfig?.properties ?? [:])
                return Resources(memoryMB: own.memoryMB, vcores: own.vcores)
            } catch {
                throw ClusterError.invalidConfig(error)
            }
        }
    }

    func provisionNode(role: ClusterNodeRole, index: Int) throws {
        let config = spec.config ?? ClusterConfig()
        let name = role.nodeName(cluster: clusterName, index: index)
        let group: InstanceGroupConfig?
        let machineType: MachineType?
        switch role {
        case .master:
            group = config.masterConfig
            machineType = config.masterMachineType
        case .primaryWorker:
            group = config.workerConfig
            machineType = config.workerMachineType
        case .secondaryWorker:
            group = config.secondaryWorkerConfig
            machineType = config.secondaryWorkerMachineType
        }
        guard let machineType else {
            throw ClusterError.invalidConfig(.unknownMachineType(field: "config.\(role).machineTypeUri", name: group?.machineTypeUri ?? ""))
        }
        let diskGB = group?.diskConfig?.bootDiskSizeGb ?? 1000
        let quota = Int64((Double(diskGB) * Double(1 << 30) * options.diskScale).rounded())
        let directory = "\(dataDirectory)/nodes/\(name)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let disk = NodeDisk(nodeName: name, directory: directory, quotaBytes: quota)
        disks.register(disk)

        let capacity = try nodeManagerCapacity(role: role, machineType: machineType, config: config)
        var node = SimulatedNode(name: name, role: role, index: index, machineType: machineType, capacity: capacity, disk: disk)
        if let capacity {
            // A name reused after a scale-down: forget the old NodeManager first.
            if let old = resourceManager.nodeID(named: name) {
                do {
                    containersEnded(try resourceManager.removeNode(old), reason: "container killed: node \(name) was replaced")
                } catch {
                    preconditionFailure("node \(name) of cluster \(clusterName) was found by name in the resource manager: \(error)")
                }
            }
            node.resourceManagerID = try resourceManager.addNode(name: name, role: role.resourceManagerRole, capacity: capacity)
        }
        if let existing = nodeIndex[name] {
            nodes[existing] = node
        } else {
            nodeIndex[name] = nodes.count
            nodes.append(node)
        }
    }
}
