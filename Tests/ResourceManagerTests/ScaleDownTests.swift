import ResourceManager
import Testing

@Suite struct ScaleDownTests {
    /// Nodes holding `containers[i]` containers each: three on every node, then
    /// the extra ones released.
    private func cluster(containers: [Int]) throws -> (CheckedState, [NodeID]) {
        var rm = CheckedState()
        let nodes = try rm.addNodes(containers.count)
        let application = rm.state.submitApplication(name: "job")
        let placed = try rm.run(3 * containers.count, memoryMB: 1024, for: application)
        for (index, count) in containers.enumerated() {
            for container in placed.filter({ $0.nodeID == nodes[index] }).dropFirst(count) {
                _ = try rm.apply { try $0.releaseContainer(container.id) }
            }
        }
        return (rm, nodes)
    }

    @Test(arguments: [
        // containers per node, how many to remove, the chosen nodes (by index)
        ([0, 0, 0], 1, [2]),
        ([0, 0, 0], 2, [2, 1]),
        ([0, 3, 1], 1, [0]),
        ([2, 0, 1], 2, [1, 2]),
        ([1, 1, 1], 1, [2]),
        ([1, 2, 3], 3, [0, 1, 2]),
        ([0, 0, 0], 0, []),
        ([0, 0, 0], 5, [2, 1, 0]),
    ])
    func theEmptiestNewestWorkersGoFirst(containers: [Int], count: Int, expected: [Int]) throws {
        let (rm, nodes) = try cluster(containers: containers)
        #expect(nodes.map { rm.state.node($0)?.containerCount } == containers)
        #expect(rm.state.scaleDownVictims(among: nodes, count: count) == expected.map { nodes[$0] })
    }

    @Test func onlyRunningNodesAreChosen() throws {
        var rm = CheckedState()
        let nodes = try rm.addNodes(3)
        _ = try rm.apply { try $0.startDecommissioning(nodes[2]) }
        _ = try rm.apply { try $0.loseNode(nodes[1]) }
        #expect(rm.state.scaleDownVictims(among: nodes, count: 3) == [nodes[0]])
    }
}
