import ResourceManager
import Testing
import SeededRandom

@Suite("Seeded random events")
struct RandomEventTests {
    /// Runs `steps` random events, some of them illegal on purpose, and checks
    /// after every one that the invariants hold, that a refused event changed
    /// nothing, and that every new container sits on a RUNNING node that has
    /// room for it. Returns every allocation, for the determinism check.
    static func run(seed: UInt64, policy: PlacementPolicy, steps: Int) throws -> [Container] {
        var generator = SeededGenerator(seed: seed)
        // The largest node shape is the maximum allocation, as on Dataproc:
        // without it one 30000 MB request would block the FIFO queue for good
        // and the run would test almost nothing.
        var state = ResourceManagerState(configuration: ResourceManagerConfiguration(
            placementPolicy: policy, maximumAllocation: Resources(memoryMB: 24576, vcores: 8)
        ))
        var nodes: [NodeID] = []
        var applications: [ApplicationID] = []
        var live: [ContainerID] = []
        var allocations: [Container] = []
        var nodeNames = 0
        let shapes = [
            Resources(memoryMB: 13544, vcores: 4), Resources(memoryMB: 6144, vcores: 2),
            Resources(memoryMB: 24576, vcores: 8), Resources(memoryMB: 3072, vcores: 1),
        ]
        let sizes = [
            Resources(memoryMB: 1024, vcores: 1), Resources(memoryMB: 3386, vcores: 1),
            Resources(memoryMB: 4096, vcores: 2), Resources(memoryMB: 2048, vcores: 3),
            Resources(memoryMB: 12000, vcores: 4), Resources(memoryMB: 30000, vcores: 1),
        ]

        for step in 0..<steps {
            let before = state
            var refused = false
            do {
                switch Int.random(in: 0..<100, using: &generator) {
                case 0..<8:
                    nodeNames += 1
                    let shape = shapes.randomElement(using: &generator) ?? shapes[0]
                    let role: NodeRole = Bool.random(using: &generator) ? .primary : .secondary
                    nodes.append(try state.addNode(name: "w-\(nodeNames)", role: role, capacity: shape))
                case 8..<11:
                    if let node = nodes.randomElement(using: &generator) { try state.startDecommissioning(node) }
                case 11..<13:
                    if let node = nodes.randomElement(using: &generator) { try state.completeDecommissioning(node) }
                case 13..<15:
                    if let node = nodes.randomElement(using: &generator) { try state.loseNode(node) }
                case 15..<17:
                    if let index = nodes.indices.randomElement(using: &generator) {
                        let node = nodes[index]
                        try state.removeNode(node)
                        // Keep the stale identifier now and then, to exercise refusals.
                        if Bool.random(using: &generator) { nodes.remove(at: index) }
                    }
                case 17..<25:
                    applications.append(state.submitApplication(name: "app-\(step)"))
                case 25..<45:
                    if let app = applications.randomElement(using: &generator) {
                        let size = sizes.randomElement(using: &generator) ?? sizes[0]
                        _ = try state.requestContainers(Int.random(in: 0...6, using: &generator), of: size, for: app)
                    }
                case 45..<65:
                    let placed = state.schedule()
                    for container in placed {
                        let node = state.node(container.nodeID)
                        #expect(node?.state == .running, "placed on a node that is not RUNNING at step \(step)")
                        #expect(state.container(container.id) == container)
                    }
                    live += placed.map(\.id)
                    allocations += placed
                case 65..<88:
                    if let index = live.indices.randomElement(using: &generator) {
                        // Containers may have ended with their node or app; then the release is refused.
                        let id = live.remove(at: index)
                        try state.releaseContainer(id)
                    }
                case 88..<95:
                    if let app = applications.randomElement(using: &generator) {
                        let final = [ApplicationState.finished, .failed, .killed].randomElement(using: &generator) ?? .killed
                        try state.endApplication(app, as: final)
                    }
                default:
                    if let index = applications.indices.randomElement(using: &generator) {
                        try state.forgetApplication(applications[index])
                        applications.remove(at: index)
                    }
                }
            } catch {
                refused = true
            }
            let violations = state.invariantViolations()
            #expect(violations == [], "step \(step) broke invariants")
            if refused {
                #expect(state.metrics == before.metrics, "a refused event changed the metrics at step \(step)")
                #expect(state.nodeReports == before.nodeReports, "a refused event changed the nodes at step \(step)")
            }
            if !violations.isEmpty { break }
        }
        return allocations
    }

    @Test("invariants hold after every step of a seeded random run", arguments: [PlacementPolicy.spread, .firstFit], 1...6)
    func invariantsHold(policy: PlacementPolicy, seed: Int) throws {
        let allocations = try Self.run(seed: UInt64(seed), policy: policy, steps: 1500)
        #expect(!allocations.isEmpty)
    }

    @Test("a seeded random run is deterministic", arguments: [PlacementPolicy.spread, .firstFit])
    func deterministic(policy: PlacementPolicy) throws {
        let first = try Self.run(seed: 99, policy: policy, steps: 800)
        let second = try Self.run(seed: 99, policy: policy, steps: 800)
        #expect(first == second)
    }
}
