import Cluster
import Foundation
import MiniprocTesting
import Testing

@Suite struct PreemptionTests {
    /// Two primary and two secondary workers.
    func withSecondaries(_ spec: inout ClusterSpec) {
        spec.config?.secondaryWorkerConfig = InstanceGroupConfig(numInstances: 2)
    }

    @Test func aPreemptedSecondaryWorkerIsReplacedUnderItsNameInAnOperationOfItsOwn() async throws {
        try await withTestCluster(name: "pre", configure: withSecondaries) { test in
            let before = await test.cluster.operations.count
            #expect(try await test.cluster.preemptSecondaryWorkers(count: 1) == ["pre-sw-1"])
            #expect(await test.cluster.secondaryWorkerCount == 2)
            #expect(await test.cluster.activeNodeNames.contains("pre-sw-1"))
            #expect(await test.cluster.yarnMetrics.nodesActive == 4)
            let operations = await test.cluster.operations
            #expect(operations.count == before + 1)
            let replacement = try #require(operations.last)
            #expect(replacement.operationType == .update)
            #expect(replacement.description == "Replace 1 preempted secondary workers.")
            #expect(replacement.done && replacement.error == nil)
            #expect(await test.cluster.state == .running)
        }
    }

    @Test func aLostPrimaryWorkerIsNotReplaced() async throws {
        try await withTestCluster(name: "pre", configure: withSecondaries) { test in
            let before = await test.cluster.operations.count
            try await test.cluster.loseNode("pre-w-1")
            #expect(await test.cluster.primaryWorkerCount == 1)
            #expect(await test.cluster.operations.count == before)
            #expect(await test.cluster.yarnMetrics.nodesLost == 1)
        }
    }

    @Test func aScaleDownRemovesTheEmptiestNewestWorkerAsTheSimulatorDoes() async throws {
        // After a replacement, pre-sw-0 is the newest secondary worker: with every
        // worker idle it is the one to go, not the highest-numbered one.
        try await withTestCluster(name: "pre", configure: withSecondaries) { test in
            try await test.cluster.loseNode("pre-sw-0")
            let update = try await test.cluster.resize(primaryWorkers: 2, secondaryWorkers: 1)
            #expect(update.description == "Remove 1 secondary workers.")
            let names = await test.cluster.activeNodeNames
            #expect(names.contains("pre-sw-1"))
            #expect(!names.contains("pre-sw-0"))
        }
    }
}
