@testable import Cluster
import MapReduce
import ResourceManager
import Testing

/// A resource manager and a placement, driven the way the cluster drives them:
/// no actor, no clock, no node directories.
private struct PlacementBench {
    var manager = ResourceManagerState(configuration: ResourceManagerConfiguration(placementPolicy: .firstFit))
    var placement: ContainerPlacement
    var faults = AttemptFaults()
    var application: ApplicationID
    var nodeIDs: [String: NodeID] = [:]
    var nextWaiter = 0

    /// Workers with these names and memory sizes (memory is what fills them), added in order.
    init(workers: [(name: String, memoryMB: Int)], maximumParkedContainers: Int = 8) throws {
        placement = ContainerPlacement(maximumParkedContainers: maximumParkedContainers)
        for worker in workers {
            nodeIDs[worker.name] = try manager.addNode(name: worker.name, capacity: Resources(memoryMB: worker.memoryMB, vcores: 16))
        }
        application = manager.submitApplication(name: "job")
    }

    /// Asks for a container of `memoryMB`; returns its waiter.
    mutating func ask(
        _ memoryMB: Int = 1024, excluding excluded: Set<String> = [], kind: ContainerUse.Kind = .applicationMaster,
        jobName: String = "job"
    ) throws -> Int {
        let resources = Resources(memoryMB: memoryMB, vcores: 1)
        let request = try manager.requestContainers(1, of: resources, for: application)
        let id = nextWaiter
        nextWaiter += 1
        placement.onRequested(request, by: id, ContainerPlacement.Waiter(
            application: application, resources: resources, excluded: excluded, kind: kind, jobName: jobName
        ))
        return id
    }

    /// Places a container of another application, on the first node with room.
    mutating func occupy(_ memoryMB: Int = 1024) throws {
        let other = manager.submitApplication(name: "other")
        _ = try manager.requestContainers(1, of: Resources(memoryMB: memoryMB, vcores: 1), for: other)
        _ = manager.schedule()
    }

    /// One scheduling pass: what the placement decides for what was placed.
    /// Re-requests and releases are carried out in the resource manager.
    mutating func pass() throws -> [String] {
        let actions = placement.onPlaced(manager.schedule(), nodes: manager.nodeReports, faults: &faults)
        return try carry(actions)
    }

    /// Carries out actions of another event, as the cluster would.
    mutating func carry(_ actions: [PlacementAction]) throws -> [String] {
        var done: [String] = []
        for action in actions { done.append(try carryOut(action)) }
        return done
    }

    private mutating func carryOut(_ action: PlacementAction) throws -> String {
        switch action {
        case let .grant(waiter, _, nodeName, _, injectedFailure):
            return "grant \(waiter) on \(nodeName)" + (injectedFailure.map { ": \($0)" } ?? "")
        case let .park(waiter, _, nodeName):
            return "park \(waiter) on \(nodeName)"
        case let .reRequest(waiter, resources, application):
            placement.onReRequested(waiter, as: try manager.requestContainers(1, of: resources, for: application))
            return "reRequest \(waiter)"
        case .release(let id):
            let nodeID = try manager.releaseContainer(id).container.nodeID
            return "release on \(manager.node(nodeID)?.name ?? "?")"
        case let .fail(waiter, failure):
            return "fail \(waiter): \(failure)"
        }
    }
}

private func attempt(_ kind: TaskKind, _ task: Int, attempt: Int = 0) -> TaskAttemptID {
    TaskAttemptID(jobID: "1_0001", kind: kind, task: task, attempt: attempt)
}

@Suite struct ContainerPlacementTests {
    @Test(arguments: [Set<String>(), ["w1"], ["w0-other"]])
    func aContainerOnAnAllowedNodeIsGranted(excluded: Set<String>) throws {
        var bench = try PlacementBench(workers: [("w0", 1024), ("w1", 1024)])
        let waiter = try bench.ask(excluding: excluded)
        #expect(try bench.pass() == ["grant \(waiter) on w0"])
        #expect(bench.placement.waiters.isEmpty)
    }

    @Test func aContainerOnAnExcludedNodeIsParkedWhileAnotherRunningWorkerFitsThenTheBetterOneIsGranted() throws {
        var bench = try PlacementBench(workers: [("w0", 1024), ("w1", 1024)])
        let waiter = try bench.ask(excluding: ["w0"])
        #expect(try bench.pass() == ["park \(waiter) on w0", "reRequest \(waiter)"])
        #expect(bench.placement.waiters[waiter]?.parked.count == 1)
        #expect(try bench.pass() == ["release on w0", "grant \(waiter) on w1"])
        #expect(bench.placement.waiters.isEmpty)
    }

    /// Situations where the excluded node w0 is the best an attempt can hope for.
    struct NoBetterNode: Sendable, CustomTestStringConvertible {
        var label: String
        var workers: [(name: String, memoryMB: Int)]
        var excluded: Set<String>
        var decommissioning: [String] = []
        var testDescription: String { label }
    }

    @Test(arguments: [
        NoBetterNode(label: "the only worker", workers: [("w0", 1024)], excluded: ["w0"]),
        NoBetterNode(label: "the other worker is too small", workers: [("w0", 1024), ("w1", 512)], excluded: ["w0"]),
        NoBetterNode(label: "the other worker is excluded too", workers: [("w0", 1024), ("w1", 1024)], excluded: ["w0", "w1"]),
        NoBetterNode(
            label: "the other worker is decommissioning", workers: [("w0", 1024), ("w1", 1024)], excluded: ["w0"],
            decommissioning: ["w1"]
        ),
    ])
    func aContainerOnAnExcludedNodeIsGrantedWhenNoOtherRunningWorkerCouldEverHoldIt(_ situation: NoBetterNode) throws {
        var bench = try PlacementBench(workers: situation.workers)
        for name in situation.decommissioning {
            let id = try #require(bench.nodeIDs[name])
            _ = try bench.manager.startDecommissioning(id)
        }
        let waiter = try bench.ask(excluding: situation.excluded)
        #expect(try bench.pass() == ["grant \(waiter) on w0"])
    }

    @Test(arguments: [0, 1, 3])
    func aContainerOnAnExcludedNodeIsGrantedOnceTheWaiterHoldsTheMostParkedContainers(limit: Int) throws {
        // w1 could hold it but is busy: every placement lands on w0.
        var bench = try PlacementBench(workers: [("w1", 1024), ("w0", 1024 * (limit + 1))], maximumParkedContainers: limit)
        try bench.occupy()
        let waiter = try bench.ask(excluding: ["w0"])
        for _ in 0..<limit {
            #expect(try bench.pass() == ["park \(waiter) on w0", "reRequest \(waiter)"])
        }
        #expect(try bench.pass() == Array(repeating: "release on w0", count: limit) + ["grant \(waiter) on w0"])
    }

    @Test func aCancelledWaiterGivesBackItsParkedContainersAndTheOneItAwaited() throws {
        var bench = try PlacementBench(workers: [("w0", 1024), ("w1", 1024)])
        let waiter = try bench.ask(excluding: ["w0"])
        #expect(try bench.pass() == ["park \(waiter) on w0", "reRequest \(waiter)"])
        #expect(try bench.carry(bench.placement.onCancelled(waiter)) == ["release on w0", "fail \(waiter): cancelled"])
        #expect(bench.placement.onCancelled(waiter).isEmpty)
        // Its re-request is still queued; placed, nobody claims it.
        #expect(try bench.pass() == ["release on w0"])
    }

    @Test func aWaiterCancelledBeforePlacementHasItsContainerReleased() throws {
        var bench = try PlacementBench(workers: [("w0", 1024)])
        let waiter = try bench.ask()
        #expect(try bench.carry(bench.placement.onCancelled(waiter)) == ["fail \(waiter): cancelled"])
        #expect(try bench.pass() == ["release on w0"])
    }

    /// An attempt asking for a container while a fault rule is armed.
    struct FaultCase: Sendable, CustomTestStringConvertible {
        var rule: AttemptFaultRule
        var kind: ContainerUse.Kind
        var jobName: String
        var injected: Bool
        var testDescription: String { "\(rule.kind) \(rule.task) of \(rule.jobName ?? "any job") vs \(kind) of \(jobName)" }
    }

    @Test(arguments: [
        FaultCase(rule: AttemptFaultRule(kind: .map, task: 1), kind: .task(attempt(.map, 1)), jobName: "job", injected: true),
        FaultCase(rule: AttemptFaultRule(kind: .map, task: 1), kind: .task(attempt(.map, 2)), jobName: "job", injected: false),
        FaultCase(rule: AttemptFaultRule(kind: .map, task: 1), kind: .task(attempt(.reduce, 1)), jobName: "job", injected: false),
        FaultCase(rule: AttemptFaultRule(kind: .map, task: 1), kind: .applicationMaster, jobName: "job", injected: false),
        FaultCase(rule: AttemptFaultRule(kind: .map, task: 1, jobName: "a"), kind: .task(attempt(.map, 1)), jobName: "a", injected: true),
        FaultCase(rule: AttemptFaultRule(kind: .map, task: 1, jobName: "a"), kind: .task(attempt(.map, 1)), jobName: "b", injected: false),
    ])
    func anInjectedFaultIsAttachedToTheMatchingAttemptOnly(_ fault: FaultCase) throws {
        var bench = try PlacementBench(workers: [("w0", 1024)])
        bench.faults.add(fault.rule)
        let waiter = try bench.ask(kind: fault.kind, jobName: fault.jobName)
        let injected = "injected failure of \(attempt(.map, 1)) on node w0"
        #expect(try bench.pass() == ["grant \(waiter) on w0" + (fault.injected ? ": \(injected)" : "")])
        #expect(bench.faults.rules.isEmpty == fault.injected)
    }

    @Test func aParkedPlacementDoesNotUseUpAFault() throws {
        var bench = try PlacementBench(workers: [("w0", 1024), ("w1", 1024)])
        bench.faults.add(AttemptFaultRule(kind: .reduce, task: 0))
        let waiter = try bench.ask(excluding: ["w0"], kind: .task(attempt(.reduce, 0, attempt: 1)))
        #expect(try bench.pass() == ["park \(waiter) on w0", "reRequest \(waiter)"])
        #expect(bench.faults.rules.count == 1)
        let injected = "injected failure of \(attempt(.reduce, 0, attempt: 1)) on node w1"
        #expect(try bench.pass() == ["release on w0", "grant \(waiter) on w1: \(injected)"])
        #expect(bench.faults.rules.isEmpty)
    }

    @Test func grantsFollowTheOrderOfTheRequests() throws {
        var bench = try PlacementBench(workers: [("w0", 2048), ("w1", 2048)])
        let waiters = try (0..<4).map { _ in try bench.ask() }
        #expect(try bench.pass() == [
            "grant \(waiters[0]) on w0", "grant \(waiters[1]) on w0", "grant \(waiters[2]) on w1", "grant \(waiters[3]) on w1",
        ])
    }

    @Test func aDeletedClusterFailsEveryWaiterInTheOrderItAsked() throws {
        var bench = try PlacementBench(workers: [("w0", 1024)])
        let waiters = try (0..<3).map { _ in try bench.ask() }
        #expect(try bench.pass() == ["grant \(waiters[0]) on w0"])
        #expect(bench.placement.onClusterDeleted() == [
            .fail(waiter: waiters[1], .clusterDeleted), .fail(waiter: waiters[2], .clusterDeleted),
        ])
        #expect(bench.placement.waiters.isEmpty)
    }

    @Test func aRefusedReRequestFailsTheWaiterAndGivesBackWhatItHolds() throws {
        var bench = try PlacementBench(workers: [("w0", 1024), ("w1", 1024)])
        let waiter = try bench.ask(excluding: ["w0"])
        let actions = bench.placement.onPlaced(bench.manager.schedule(), nodes: bench.manager.nodeReports, faults: &bench.faults)
        let parked = try #require(bench.placement.waiters[waiter]?.parked.first)
        let refusal = ResourceManagerError.applicationEnded(bench.application, state: .killed)
        #expect(actions.count == 2)
        #expect(bench.placement.onReRequestRefused(waiter, error: refusal) == [
            .release(parked), .fail(waiter: waiter, .requestRefused(refusal)),
        ])
        #expect(bench.placement.waiters.isEmpty)
    }
}
