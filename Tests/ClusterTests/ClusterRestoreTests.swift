import Cluster
import Foundation
import Testing

@Suite struct ClusterRestoreTests {
    private func spec(_ name: String) -> ClusterSpec {
        ClusterSpec(projectId: "demo", clusterName: name, config: ClusterConfig(
            workerConfig: InstanceGroupConfig(numInstances: 2, machineTypeUri: "n1-standard-2")
        ))
    }

    @Test func restoringKeepsTheUuidStatusAndHistoryAndProvisionsTheNodes() async throws {
        let created = GoogleTimestamp(seconds: 1_700_000_000)
        let history = [ClusterStatus(state: .creating, stateStartTime: created)]
        let status = ClusterStatus(state: .running, stateStartTime: created.adding(GoogleDuration(seconds: 5)))
        let cluster = try await SimulatedCluster.restore(
            spec: spec("etl"), clusterUuid: "0b7c1f7e-0000-4000-8000-000000000001", status: status, statusHistory: history
        )
        #expect(cluster.clusterUuid == "0b7c1f7e-0000-4000-8000-000000000001")
        #expect(await cluster.status == status)
        #expect(await cluster.statusHistory == history)
        #expect(await cluster.activeNodeNames == ["etl-m", "etl-w-0", "etl-w-1"])
        #expect(await cluster.operations.isEmpty)
        try await cluster.delete()
    }

    @Test func aStoppedClusterComesBackStoppedAndOthersAreRefused() async throws {
        let time = GoogleTimestamp(seconds: 1_700_000_000)
        let stopped = try await SimulatedCluster.restore(
            spec: spec("etl"), clusterUuid: UUID().uuidString.lowercased(),
            status: ClusterStatus(state: .stopped, stateStartTime: time), statusHistory: []
        )
        #expect(await stopped.state == .stopped)
        try await stopped.start()
        #expect(await stopped.state == .running)
        try await stopped.delete()
        await #expect(throws: ClusterError.wrongState(cluster: "etl", state: .updating, action: "be restored")) {
            try await SimulatedCluster.restore(
                spec: spec("etl"), clusterUuid: "x", status: ClusterStatus(state: .updating, stateStartTime: time), statusHistory: []
            )
        }
    }

    @Test func updatingTheLifecycleValidatesAndReplacesTheTtls() async throws {
        let cluster = try await SimulatedCluster.create(spec: spec("etl"))
        try await cluster.updateLifecycle(LifecycleConfig(idleDeleteTtl: GoogleDuration(seconds: 900)))
        #expect(await cluster.config.lifecycleConfig?.idleDeleteTtl == GoogleDuration(seconds: 900))
        await #expect(throws: ClusterError.self) {
            try await cluster.updateLifecycle(LifecycleConfig(idleDeleteTtl: GoogleDuration(seconds: 10)))
        }
        try await cluster.updateLifecycle(nil)
        #expect(await cluster.config.lifecycleConfig?.idleDeleteTtl == nil)
        try await cluster.delete()
    }
}
