import MapReduce
import Cluster
import Foundation
import ResourceManager
import SeededRandom

/// The simulator's state and event loop; see ``Simulator`` for the model.
struct SimulationEngine {
    enum Event {
        case arrival(Int)
        case taskEnd(ContainerID)
        case sample
        case nodeReady(role: Int, forOperation: Bool)
        case decommissionDeadline
        case preempt(NodeID)
    }

    struct JobState {
        var spec: SimulatedJob
        var arrivalMs: Int64
        var taskDurationMs: Int64
        var resources: Resources
        var application: ApplicationID?
        var applicationMaster: ContainerID?
        var tasksRequested = false
        var tasksDone = 0
        var startedMs: Int64 = -1
        var finishedMs: Int64 = -1
    }

    enum Holder {
        case applicationMaster(Int)
        case task(Int)
    }

    struct Operation {
        var request: ResizeRequest
        var joinsLeft = 0
        var leavesLeft = 0
    }

    static let primary = 0
    static let secondary = 1

    let configuration: SimulationConfiguration
    let capacities: [Resources]
    let nodeManagerMemoryMB: Int
    let applicationMasterResources: Resources
    let sampleMs: Int64
    let provisioningMs: Int64

    var resourceManager: ResourceManagerState
    var autoscaler: Autoscaler
    var decommissions = DecommissionSchedule()
    var queue = EventQueue<Event>()
    var random: SeededGenerator
    var now: Int64 = 0
    var stopMs: Int64

    var jobs: [JobState]
    var requestHolders: [Int: Holder] = [:]
    var running: [ContainerID: Holder] = [:]
    var activeNodes: [[NodeID]] = [[], []]
    var configured: [Int]
    var provisioning = [0, 0]
    var decommissioning: [NodeID: Int] = [:]
    var decommissioningCount = [0, 0]
    var nodeNames = [0, 0]
    var workerMs = [0.0, 0.0]
    var accruedUntil: Int64 = 0
    var operation: Operation?
    var clusterState = ClusterState.running

    var samples: [SimulationSample] = []
    var jobsArrived = 0
    var jobsStarted = 0
    var jobsFinished = 0
    var tasksCompleted = 0
    var tasksRerun = 0
    var applicationMastersRestarted = 0
    var preemptions = 0
    var scalingOperations = 0
    var skippedEvaluations = 0
    var events = 0

    init(trace: SimulationTrace, configuration: SimulationConfiguration) throws(SimulationError) {
        self.configuration = configuration
        let cluster = configuration.cluster
        guard cluster.primaryWorkerCount >= 1 else {
            throw SimulationError(subject: "cluster", message: "a single-node cluster has no workers to scale",
                                  fix: "use a profile with workerConfig.numInstances of 2 or more")
        }
        let sizing: YarnSizing
        let secondarySizing: YarnSizing
        do {
            sizing = try YarnSizing(config: cluster)
            let secondaryType = cluster.secondaryWorkerMachineType
            guard let secondaryType else {
                throw ClusterConfigError.unknownMachineType(
                    field: "config.secondaryWorkerConfig.machineTypeUri",
                    name: cluster.secondaryWorkerConfig?.machineTypeUri ?? "")
            }
            secondarySizing = try YarnSizing(
                machineType: secondaryType, workerCount: cluster.primaryWorkerCount,
                properties: cluster.softwareConfig?.properties ?? [:])
        } catch {
            throw SimulationError(subject: "cluster", message: "\(error)", fix: "correct the profile")
        }
        capacities = [
            Resources(memoryMB: sizing.nodeManagerMemoryMB, vcores: sizing.nodeManagerVcores),
            Resources(memoryMB: secondarySizing.nodeManagerMemoryMB, vcores: secondarySizing.nodeManagerVcores),
        ]
        nodeManagerMemoryMB = sizing.nodeManagerMemoryMB
        applicationMasterResources = Resources(memoryMB: sizing.appMasterMemoryMB, vcores: sizing.appMasterVcores)

        if let policy = configuration.policy {
            do {
                try policy.validate()
            } catch {
                throw SimulationError(subject: "policy '\(policy.id)'", message: error.message, fix: "correct the policy")
            }
        }
        for (name, interval) in [("sampleInterval", configuration.sampleInterval), ("maximumDuration", configuration.maximumDuration)]
        where interval <= .zero {
            throw SimulationError(subject: name, message: "must be longer than 0s, got \(interval)", fix: "give a positive duration")
        }
        sampleMs = Self.milliseconds(configuration.sampleInterval)
        provisioningMs = max(0, Self.milliseconds(configuration.provisioningDelay))
        stopMs = Self.milliseconds(configuration.maximumDuration)

        let largest = Resources(
            memoryMB: max(capacities[0].memoryMB, cluster.secondaryWorkerCount > 0 || (configuration.policy?.secondaryLimits.maxInstances ?? 0) > 0 ? capacities[1].memoryMB : 0),
            vcores: max(capacities[0].vcores, capacities[1].vcores))
        var states: [JobState] = []
        for job in trace.arrivals(defaultContainerMemoryMB: sizing.mapMemoryMB) {
            let resources = Resources(memoryMB: job.containerMemoryMB, vcores: job.containerVcores)
            guard largest.fits(resources) else {
                throw SimulationError(
                    subject: "job '\(job.name)'",
                    message: "its containers of \(resources) do not fit on a worker offering \(largest)",
                    fix: "lower containerMemoryMB/containerVcores to at most \(largest.memoryMB) MB and \(largest.vcores) vcores, or use a profile with larger machines")
            }
            states.append(JobState(
                spec: job, arrivalMs: Self.milliseconds(job.arrival),
                taskDurationMs: max(1, Self.milliseconds(job.taskDuration)), resources: resources))
        }
        jobs = states
        configured = [cluster.primaryWorkerCount, cluster.secondaryWorkerCount]
        random = SeededGenerator(seed: configuration.seed)
        resourceManager = ResourceManagerState(configuration: ResourceManagerConfiguration(
            placementPolicy: configuration.placementPolicy, maximumAllocation: largest))
        autoscaler = Autoscaler(configuration: Autoscaler.Configuration(
            historyLimit: configuration.historyLimit, originDate: configuration.originDate, requestIDPrefix: "simulated-update"))
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }

    static func instant(_ ms: Int64) -> ClusterInstant {
        ClusterInstant(sinceOrigin: .milliseconds(ms))
    }

    // MARK: Loop

    mutating func run() throws {
        for role in [Self.primary, Self.secondary] {
            for _ in 0..<configured[role] { try join(role: role) }
        }
        if let policy = configuration.policy {
            try autoscaler.onAttach(policy, at: Self.instant(0))
        }
        for index in jobs.indices { queue.push(.arrival(index), at: jobs[index].arrivalMs) }
        if jobs.isEmpty { stopMs = min(stopMs, Self.milliseconds(configuration.tail)) }
        queue.push(.sample, at: 0)

        while let time = queue.nextTime, time <= stopMs {
            now = time
            var sampleDue = false
            while queue.nextTime == time, let (_, event) = queue.pop() {
                events += 1
                switch event {
                case let .arrival(index): try arrive(index)
                case let .taskEnd(container): try endTask(container)
                case .sample: sampleDue = true
                case let .nodeReady(role, forOperation): try nodeReady(role: role, forOperation: forOperation)
                case .decommissionDeadline: try forceDueDecommissions()
                case let .preempt(node): try preempt(node)
                }
            }
            try schedulePass()
            if sampleDue { try sample() }
        }
        accrue()
    }

    mutating func schedulePass() throws {
        var placed = resourceManager.schedule()
        while !placed.isEmpty {
            for container in placed { try onPlaced(container) }
            placed = resourceManager.schedule()
        }
    }

    // MARK: Jobs

    mutating func arrive(_ index: Int) throws {
        jobsArrived += 1
        let application = resourceManager.submitApplication(name: jobs[index].spec.name)
        jobs[index].application = application
        let request = try resourceManager.requestContainers(1, of: applicationMasterResources, for: application)
        requestHolders[request.sequence] = .applicationMaster(index)
    }

    mutating func onPlaced(_ container: Container) throws {
        guard let holder = requestHolders[container.requestID.sequence] else { return }
        running[container.id] = holder
        switch holder {
        case let .applicationMaster(index):
            requestHolders[container.requestID.sequence] = nil
            jobs[index].applicationMaster = container.id
            if jobs[index].startedMs < 0 {
                jobs[index].startedMs = now
                jobsStarted += 1
            }
            if !jobs[index].tasksRequested, let application = jobs[index].application {
                jobs[index].tasksRequested = true
                let request = try resourceManager.requestContainers(jobs[index].spec.tasks, of: jobs[index].resources, for: application)
                requestHolders[request.sequence] = .task(index)
            }
        case let .task(index):
            queue.push(.taskEnd(container.id), at: now + jobs[index].taskDurationMs)
        }
    }

    mutating func endTask(_ id: ContainerID) throws {
        // A task whose container was killed re-runs elsewhere; its old end is stale.
        guard case let .task(index)? = running.removeValue(forKey: id) else { return }
        let release = try resourceManager.releaseContainer(id)
        tasksCompleted += 1
        jobs[index].tasksDone += 1
        if let drained = release.drainedNode { try completeDecommission(drained) }
        if jobs[index].tasksDone == jobs[index].spec.tasks { try finish(index) }
    }

    mutating func finish(_ index: Int) throws {
        if let master = jobs[index].applicationMaster, running.removeValue(forKey: master) != nil {
            let release = try resourceManager.releaseContainer(master)
            if let drained = release.drainedNode { try completeDecommission(drained) }
        }
        jobs[index].applicationMaster = nil
        if let application = jobs[index].application {
            let end = try resourceManager.endApplication(application, as: .finished)
            try resourceManager.forgetApplication(application)
            for node in end.drainedNodes { try completeDecommission(node) }
        }
        jobs[index].finishedMs = now
        jobsFinished += 1
        if jobsFinished == jobs.count {
            stopMs = min(stopMs, now + Self.milliseconds(configuration.tail))
        }
    }

    /// Containers killed with their node: tasks and application masters ask again.
    mutating func requeue(_ killed: [Container]) throws {
        for container in killed {
            guard let holder = running.removeValue(forKey: container.id) else { continue }
            switch holder {
            case let .task(index):
                guard let application = jobs[index].application else { continue }
                tasksRerun += 1
                let request = try resourceManager.requestContainers(1, of: jobs[index].resources, for: application)
                requestHolders[request.sequence] = .task(index)
            case let .applicationMaster(index):
                guard let application = jobs[index].application else { continue }
                applicationMastersRestarted += 1
                jobs[index].applicationMaster = nil
                let request = try resourceManager.requestContainers(1, of: applicationMasterResources, for: application)
                requestHolders[request.sequence] = .applicationMaster(index)
            }
        }
    }
}
