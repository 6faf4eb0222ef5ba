import ResourceManager
import Testing

@Suite("YARN metrics")
struct MetricsTests {
    @Test("every Dataproc yarnMetrics key is rendered")
    func keys() {
        let state = ResourceManagerState()
        #expect(state.metrics.keyedValues.keys.sorted() == allYarnMetricKeys)
    }

    @Test("exact metrics after each step of a job on two n2-standard-4 workers")
    func stepByStep() throws {
        var rm = CheckedState()
        let nodes = try rm.addNodes(2, memoryMB: 13544, vcores: 4)
        #expect(rm.metrics == yarnMetrics([
            "yarn-memory-mb-total": 27088, "yarn-memory-mb-available": 27088,
            "yarn-vcores-total": 8, "yarn-vcores-available": 8, "yarn-nodes-active": 2,
        ]))

        let app = rm.state.submitApplication(name: "word count")
        _ = try rm.apply { try $0.requestContainers(3, of: Resources(memoryMB: 3386, vcores: 1), for: app) }
        #expect(rm.metrics == yarnMetrics([
            "yarn-memory-mb-total": 27088, "yarn-memory-mb-available": 27088,
            "yarn-vcores-total": 8, "yarn-vcores-available": 8, "yarn-nodes-active": 2,
            "yarn-apps-submitted": 1, "yarn-apps-pending": 1,
            "yarn-memory-mb-pending": 10158, "yarn-vcores-pending": 3, "yarn-containers-pending": 3,
        ]))

        let placed = try rm.apply { $0.schedule() }
        #expect(placed.map(\.nodeID) == [nodes[0], nodes[1], nodes[0]])
        #expect(rm.metrics == yarnMetrics([
            "yarn-memory-mb-total": 27088, "yarn-memory-mb-available": 16930, "yarn-memory-mb-allocated": 10158,
            "yarn-vcores-total": 8, "yarn-vcores-available": 5, "yarn-vcores-allocated": 3,
            "yarn-containers-allocated": 3, "yarn-nodes-active": 2,
            "yarn-apps-submitted": 1, "yarn-apps-running": 1,
        ]))
        #expect(rm.state.node(nodes[0])?.allocated == Resources(memoryMB: 6772, vcores: 2))
        #expect(rm.state.node(nodes[0])?.available == Resources(memoryMB: 6772, vcores: 2))
        #expect(rm.state.node(nodes[0])?.containerCount == 2)

        // A draining node's containers stay allocated; its free room is not available.
        let drained = try rm.apply { try $0.startDecommissioning(nodes[1]) }
        #expect(!drained)
        #expect(rm.metrics == yarnMetrics([
            "yarn-memory-mb-total": 13544, "yarn-memory-mb-available": 6772, "yarn-memory-mb-allocated": 10158,
            "yarn-vcores-total": 4, "yarn-vcores-available": 2, "yarn-vcores-allocated": 3,
            "yarn-containers-allocated": 3, "yarn-nodes-active": 1, "yarn-nodes-decommissioning": 1,
            "yarn-apps-submitted": 1, "yarn-apps-running": 1,
        ]))
        #expect(rm.state.node(nodes[1])?.available == .zero)

        let release = try rm.apply { try $0.releaseContainer(placed[1].id) }
        #expect(release.drainedNode == nodes[1])
        let killed = try rm.apply { try $0.completeDecommissioning(nodes[1]) }
        #expect(killed == [])
        #expect(rm.metrics == yarnMetrics([
            "yarn-memory-mb-total": 13544, "yarn-memory-mb-available": 6772, "yarn-memory-mb-allocated": 6772,
            "yarn-vcores-total": 4, "yarn-vcores-available": 2, "yarn-vcores-allocated": 2,
            "yarn-containers-allocated": 2, "yarn-nodes-active": 1, "yarn-nodes-decommissioned": 1,
            "yarn-apps-submitted": 1, "yarn-apps-running": 1,
        ]))

        let reduces = try rm.run(2, memoryMB: 4096, for: app)
        #expect(reduces.map(\.nodeID) == [nodes[0]])
        #expect(rm.metrics == yarnMetrics([
            "yarn-memory-mb-total": 13544, "yarn-memory-mb-available": 2676, "yarn-memory-mb-allocated": 10868,
            "yarn-vcores-total": 4, "yarn-vcores-available": 1, "yarn-vcores-allocated": 3,
            "yarn-containers-allocated": 3, "yarn-nodes-active": 1, "yarn-nodes-decommissioned": 1,
            "yarn-memory-mb-pending": 4096, "yarn-vcores-pending": 1, "yarn-containers-pending": 1,
            "yarn-apps-submitted": 1, "yarn-apps-running": 1,
        ]))

        let end = try rm.apply { try $0.endApplication(app, as: .finished) }
        #expect(end.releasedContainers.count == 3)
        #expect(end.droppedPendingContainers == 1)
        #expect(rm.metrics == yarnMetrics([
            "yarn-memory-mb-total": 13544, "yarn-memory-mb-available": 13544,
            "yarn-vcores-total": 4, "yarn-vcores-available": 4,
            "yarn-nodes-active": 1, "yarn-nodes-decommissioned": 1,
            "yarn-apps-submitted": 1, "yarn-apps-completed": 1,
        ]))

        try rm.apply { try $0.removeNode(nodes[1]) }
        try rm.apply { try $0.loseNode(nodes[0]) }
        #expect(rm.metrics == yarnMetrics([
            "yarn-nodes-lost": 1, "yarn-apps-submitted": 1, "yarn-apps-completed": 1,
        ]))
    }

    @Test(
        "ending an application counts it under its final state",
        arguments: [
            (ApplicationState.finished, "yarn-apps-completed"),
            (ApplicationState.failed, "yarn-apps-failed"),
            (ApplicationState.killed, "yarn-apps-killed"),
        ]
    )
    func finalStateCounters(state: ApplicationState, key: String) throws {
        var rm = CheckedState()
        _ = try rm.addNodes(1)
        let running = rm.state.submitApplication(name: "running")
        let waiting = rm.state.submitApplication(name: "waiting")
        _ = try rm.run(1, memoryMB: 1024, for: running)
        #expect(rm.metrics["yarn-apps-running"] == 1)
        #expect(rm.metrics["yarn-apps-pending"] == 1)
        try rm.apply { try $0.endApplication(running, as: state) }
        try rm.apply { try $0.endApplication(waiting, as: state) }
        var expected = yarnMetrics([
            "yarn-memory-mb-total": 8192, "yarn-memory-mb-available": 8192,
            "yarn-vcores-total": 4, "yarn-vcores-available": 4, "yarn-nodes-active": 1,
            "yarn-apps-submitted": 2,
        ])
        expected[key] = 2
        #expect(rm.metrics == expected)

        // Forgetting keeps history in the counters.
        try rm.apply { try $0.forgetApplication(running) }
        #expect(rm.metrics == expected)
        #expect(rm.state.application(running) == nil)
    }

    @Test("typed fields and keyed values agree")
    func typedAndKeyed() throws {
        var rm = CheckedState()
        _ = try rm.addNodes(3, memoryMB: 12288, vcores: 4)
        let app = rm.state.submitApplication(name: "job")
        _ = try rm.run(5, memoryMB: 3072, for: app)
        let metrics = rm.state.metrics
        #expect(metrics.memoryMBTotal == 36864)
        #expect(metrics.memoryMBAllocated == 15360)
        #expect(metrics.memoryMBAvailable == 21504)
        #expect(metrics.containersAllocated == 5)
        #expect(metrics.keyedValues["yarn-memory-mb-allocated"] == metrics.memoryMBAllocated)
        #expect(metrics.keyedValues["yarn-vcores-available"] == metrics.vcoresAvailable)
        #expect(rm.state.nodeReports.map(\.containerCount) == [2, 2, 1])
    }
}
