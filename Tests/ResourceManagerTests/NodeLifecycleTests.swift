import ResourceManager
import Testing

@Suite("Node lifecycle")
struct NodeLifecycleTests {
    @Test("a decommissioning node takes no new containers")
    func decommissioningTakesNothing() throws {
        var rm = CheckedState()
        let nodes = try rm.addNodes(2)
        let drained = try rm.apply { try $0.startDecommissioning(nodes[0]) }
        #expect(drained)
        let app = rm.state.submitApplication(name: "job")
        let placed = try rm.run(3, memoryMB: 1024, for: app)
        #expect(placed.map(\.nodeID) == [nodes[1], nodes[1], nodes[1]])
        #expect(rm.state.drainedNodes == [nodes[0]])
    }

    @Test("a draining node is reported drained when its last container ends")
    func drainedDetection() throws {
        var rm = CheckedState()
        let nodes = try rm.addNodes(2)
        let app = rm.state.submitApplication(name: "job")
        let placed = try rm.run(4, memoryMB: 1024, for: app)
        let onFirst = placed.filter { $0.nodeID == nodes[0] }
        #expect(onFirst.count == 2)

        #expect(try rm.apply { try $0.startDecommissioning(nodes[0]) } == false)
        #expect(rm.state.drainedNodes == [])
        #expect(try rm.apply { try $0.releaseContainer(onFirst[0].id) }.drainedNode == nil)
        #expect(try rm.apply { try $0.releaseContainer(onFirst[1].id) }.drainedNode == nodes[0])
        #expect(rm.state.drainedNodes == [nodes[0]])
        #expect(try rm.apply { try $0.completeDecommissioning(nodes[0]) } == [])
        #expect(rm.state.node(nodes[0])?.state == .decommissioned)
        #expect(rm.state.drainedNodes == [])
    }

    @Test("completing a decommission before the node drains kills its containers in allocation order")
    func forcefulDecommission() throws {
        var rm = CheckedState()
        let nodes = try rm.addNodes(2)
        let app = rm.state.submitApplication(name: "job")
        let placed = try rm.run(5, memoryMB: 1024, for: app)
        try rm.apply { try $0.startDecommissioning(nodes[0]) }
        let killed = try rm.apply { try $0.completeDecommissioning(nodes[0]) }
        #expect(killed == placed.filter { $0.nodeID == nodes[0] })
        #expect(killed.map(\.id.sequence) == [1, 3, 5])
        #expect(rm.state.application(app)?.containerCount == 2)
        #expect(rm.state.application(app)?.state == .running)
        for container in killed { #expect(rm.state.container(container.id) == nil) }
    }

    @Test("a running node can be decommissioned at once, as with a timeout of 0")
    func directDecommission() throws {
        var rm = CheckedState()
        let nodes = try rm.addNodes(1)
        let app = rm.state.submitApplication(name: "job")
        let placed = try rm.run(2, memoryMB: 1024, for: app)
        #expect(try rm.apply { try $0.completeDecommissioning(nodes[0]) } == placed)
    }

    @Test("losing a node returns its containers so their tasks can be retried elsewhere")
    func nodeLoss() throws {
        var rm = CheckedState()
        let nodes = try rm.addNodes(3)
        let app = rm.state.submitApplication(name: "job")
        let placed = try rm.run(6, memoryMB: 2048, for: app)
        let lost = try rm.apply { try $0.loseNode(nodes[1]) }
        #expect(lost == placed.filter { $0.nodeID == nodes[1] })
        #expect(lost.count == 2)
        #expect(rm.state.node(nodes[1])?.state == .lost)
        #expect(rm.state.node(nodes[1])?.allocated == .zero)
        #expect(rm.metrics["yarn-nodes-lost"] == 1)
        #expect(rm.metrics["yarn-containers-allocated"] == 4)

        // The retried tasks land on the surviving nodes.
        let retried = try rm.run(lost.count, memoryMB: 2048, for: app)
        #expect(retried.map(\.nodeID) == [nodes[0], nodes[2]])
        #expect(try rm.state.containers(ofApplication: app).count == 6)
    }

    @Test("removing a node kills its containers, frees its name and invalidates its identifier")
    func removal() throws {
        var rm = CheckedState()
        let nodes = try rm.addNodes(2)
        let app = rm.state.submitApplication(name: "job")
        let placed = try rm.run(2, memoryMB: 1024, for: app)
        let killed = try rm.apply { try $0.removeNode(nodes[0]) }
        #expect(killed == [placed[0]])
        #expect(rm.state.nodeID(named: "w-0") == nil)
        #expect(rm.state.nodeReports.map(\.name) == ["w-1"])
        #expect(rm.metrics["yarn-nodes-active"] == 1)
        #expect(throws: ResourceManagerError.unknownNode(nodes[0])) { try rm.state.loseNode(nodes[0]) }
        let again = try rm.apply { try $0.addNode(name: "w-0", role: .secondary, capacity: Resources(memoryMB: 4096, vcores: 2)) }
        #expect(again.slot == nodes[0].slot)
        #expect(again != nodes[0])
        #expect(rm.state.node(again)?.role == .secondary)
        #expect(throws: ResourceManagerError.unknownNode(nodes[0])) { try rm.state.containers(onNode: nodes[0]) }
    }

    enum NodeEvent: String, CaseIterable, Sendable {
        case decommission, completeDecommission, lose

        func apply(to state: inout ResourceManagerState, node: NodeID) throws {
            switch self {
            case .decommission: try state.startDecommissioning(node)
            case .completeDecommission: try state.completeDecommissioning(node)
            case .lose: try state.loseNode(node)
            }
        }
    }

    @Test(
        "node states only move forward",
        arguments: [
            (NodeEvent.decommission, NodeEvent.decommission, NodeState.decommissioning, NodeState.decommissioning),
            (.completeDecommission, .decommission, .decommissioned, .decommissioning),
            (.completeDecommission, .completeDecommission, .decommissioned, .decommissioned),
            (.completeDecommission, .lose, .decommissioned, .lost),
            (.lose, .decommission, .lost, .decommissioning),
            (.lose, .completeDecommission, .lost, .decommissioned),
            (.lose, .lose, .lost, .lost),
        ]
    )
    func illegalTransitions(first: NodeEvent, second: NodeEvent, from: NodeState, to: NodeState) throws {
        var rm = CheckedState()
        let node = try rm.addNodes(1)[0]
        try rm.apply { try first.apply(to: &$0, node: node) }
        let before = rm.metrics
        #expect(throws: ResourceManagerError.illegalNodeTransition(name: "w-0", from: from, to: to)) {
            try second.apply(to: &rm.state, node: node)
        }
        #expect(rm.metrics == before)
        #expect(rm.state.node(node)?.state == from)
        #expect(rm.state.invariantViolations() == [])
    }

    @Test("the legal node transitions", arguments: NodeState.allCases, NodeState.allCases)
    func transitionTable(from: NodeState, to: NodeState) {
        let legal: Set<[NodeState]> = [
            [.running, .decommissioning], [.running, .decommissioned], [.running, .lost],
            [.decommissioning, .decommissioned], [.decommissioning, .lost],
        ]
        #expect(from.canMove(to: to) == legal.contains([from, to]))
    }

    @Test("a node needs a unique name and a positive capacity")
    func addNodeValidation() throws {
        var state = ResourceManagerState()
        _ = try state.addNode(name: "w-0", capacity: Resources(memoryMB: 1024, vcores: 1))
        #expect(throws: ResourceManagerError.duplicateNodeName("w-0")) {
            try state.addNode(name: "w-0", capacity: Resources(memoryMB: 1024, vcores: 1))
        }
        #expect(throws: ResourceManagerError.invalidNodeCapacity(name: "w-1", capacity: Resources(memoryMB: 0, vcores: 4))) {
            try state.addNode(name: "w-1", capacity: Resources(memoryMB: 0, vcores: 4))
        }
        #expect(state.nodeReports.count == 1)
        #expect(state.invariantViolations() == [])
    }
}
