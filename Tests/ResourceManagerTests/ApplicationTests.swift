import ResourceManager
import Testing

@Suite("Applications and containers")
struct ApplicationTests {
    @Test("an application runs from its first allocation")
    func firstAllocationRuns() throws {
        var rm = CheckedState()
        _ = try rm.addNodes(1)
        let app = rm.state.submitApplication(name: "job", queue: "etl")
        #expect(rm.state.application(app)?.state == .accepted)
        #expect(rm.state.application(app)?.queue == "etl")
        _ = try rm.run(1, memoryMB: 1024, for: app)
        #expect(rm.state.application(app)?.state == .running)
    }

    @Test("ending an application releases its containers, drops its requests and reports drained nodes")
    func endReleasesEverything() throws {
        var rm = CheckedState()
        let nodes = try rm.addNodes(2, memoryMB: 4096, vcores: 4)
        let ending = rm.state.submitApplication(name: "ending")
        let staying = rm.state.submitApplication(name: "staying")
        let kept = try rm.run(1, memoryMB: 1024, for: staying)
        let placed = try rm.run(4, memoryMB: 2048, for: ending)
        #expect(placed.count == 3)
        try rm.apply { try $0.startDecommissioning(nodes[1]) }

        let end = try rm.apply { try $0.endApplication(ending, as: .killed) }
        #expect(end.releasedContainers == placed)
        #expect(end.droppedPendingContainers == 1)
        #expect(end.drainedNodes == [nodes[1]])
        #expect(try rm.state.containers(ofApplication: ending) == [])
        #expect(try rm.state.containers(onNode: nodes[0]) == kept)
        #expect(rm.state.application(ending)?.pending == .zero)
        #expect(rm.metrics["yarn-containers-pending"] == 0)
        for container in placed {
            #expect(throws: ResourceManagerError.unknownContainer(container.id)) { try rm.state.releaseContainer(container.id) }
        }
    }

    @Test(
        "application states only move forward",
        arguments: [ApplicationState.finished, .failed, .killed]
    )
    func endedOnce(state: ApplicationState) throws {
        var rm = CheckedState()
        let app = rm.state.submitApplication(name: "job")
        #expect(throws: ResourceManagerError.illegalApplicationTransition(app, from: .accepted, to: .running)) {
            try rm.state.endApplication(app, as: .running)
        }
        try rm.apply { try $0.endApplication(app, as: state) }
        for next in ApplicationState.allCases {
            #expect(throws: ResourceManagerError.illegalApplicationTransition(app, from: state, to: next)) {
                try rm.state.endApplication(app, as: next)
            }
        }
        #expect(throws: ResourceManagerError.applicationEnded(app, state: state)) {
            try rm.state.requestContainers(1, of: Resources(memoryMB: 1, vcores: 1), for: app)
        }
        #expect(rm.state.invariantViolations() == [])
    }

    @Test("the legal application transitions", arguments: ApplicationState.allCases, ApplicationState.allCases)
    func transitionTable(from: ApplicationState, to: ApplicationState) {
        let legal = (from == .accepted && to != .accepted) || (from == .running && to.isFinal)
        #expect(from.canMove(to: to) == legal)
    }

    @Test("only an ended application can be forgotten, and then it is unknown")
    func forgetting() throws {
        var rm = CheckedState()
        let app = rm.state.submitApplication(name: "job")
        #expect(throws: ResourceManagerError.applicationNotEnded(app, state: .accepted)) { try rm.state.forgetApplication(app) }
        try rm.apply { try $0.endApplication(app, as: .finished) }
        try rm.apply { try $0.forgetApplication(app) }
        #expect(throws: ResourceManagerError.unknownApplication(app)) { try rm.state.forgetApplication(app) }
        let next = rm.state.submitApplication(name: "next")
        #expect(next.slot == app.slot)
        #expect(rm.state.application(app) == nil)
        #expect(rm.state.application(next)?.name == "next")
    }

    @Test(
        "requests are validated",
        arguments: [
            (0, Resources(memoryMB: 1024, vcores: 1), ResourceManagerError.invalidContainerCount(0)),
            (1, Resources(memoryMB: 0, vcores: 1), .invalidContainerResources(Resources(memoryMB: 0, vcores: 1))),
            (1, Resources(memoryMB: 1024, vcores: 0), .invalidContainerResources(Resources(memoryMB: 1024, vcores: 0))),
            (1, Resources(memoryMB: 16384, vcores: 1),
             .exceedsMaximumAllocation(requested: Resources(memoryMB: 16384, vcores: 1), maximum: Resources(memoryMB: 13544, vcores: 4))),
            (1, Resources(memoryMB: 1024, vcores: 8),
             .exceedsMaximumAllocation(requested: Resources(memoryMB: 1024, vcores: 8), maximum: Resources(memoryMB: 13544, vcores: 4))),
        ]
    )
    func requestValidation(count: Int, resources: Resources, error: ResourceManagerError) throws {
        var rm = CheckedState(maximumAllocation: Resources(memoryMB: 13544, vcores: 4))
        let app = rm.state.submitApplication(name: "job")
        #expect(throws: error) { try rm.state.requestContainers(count, of: resources, for: app) }
        #expect(rm.metrics["yarn-containers-pending"] == 0)
        #expect(rm.state.invariantViolations() == [])
    }

    @Test("a released container is unknown, even after its slot is reused")
    func staleContainer() throws {
        var rm = CheckedState()
        _ = try rm.addNodes(1)
        let app = rm.state.submitApplication(name: "job")
        let first = try rm.run(1, memoryMB: 1024, for: app)[0]
        let release = try rm.apply { try $0.releaseContainer(first.id) }
        #expect(release.container == first)
        #expect(release.drainedNode == nil)
        let second = try rm.run(1, memoryMB: 1024, for: app)[0]
        #expect(second.id != first.id)
        #expect(rm.state.container(first.id) == nil)
        #expect(rm.state.container(second.id) == second)
        #expect(throws: ResourceManagerError.unknownContainer(first.id)) { try rm.state.releaseContainer(first.id) }
    }

    @Test("error messages name the object, the value and the fix")
    func messages() {
        let messages = [
            ResourceManagerError.illegalNodeTransition(name: "etl-w-3", from: .lost, to: .decommissioning).description,
            ResourceManagerError.exceedsMaximumAllocation(
                requested: Resources(memoryMB: 20000, vcores: 1), maximum: Resources(memoryMB: 13544, vcores: 4)
            ).description,
            ResourceManagerError.duplicateNodeName("etl-w-0").description,
        ]
        #expect(messages[0].contains("etl-w-3") && messages[0].contains("LOST") && messages[0].contains("only move forward"))
        #expect(messages[1].contains("<memory:20000, vCores:1>") && messages[1].contains("maximum-allocation-mb"))
        #expect(messages[2].contains("'etl-w-0'") && messages[2].contains("unique name"))
    }
}
