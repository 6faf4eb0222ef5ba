import Cluster
import Foundation
import ResourceManager
import Testing

@Suite struct ClusterChangeTests {
    private func spec(_ name: String, lifecycle: LifecycleConfig? = nil) -> ClusterSpec {
        ClusterSpec(projectId: "demo", clusterName: name, config: ClusterConfig(
            workerConfig: InstanceGroupConfig(numInstances: 2, machineTypeUri: "n1-standard-2"),
            lifecycleConfig: lifecycle
        ))
    }

    /// Collects a subscription's changes until it ends.
    private func collect(_ changes: AsyncStream<ClusterChange>) -> Task<[ClusterChange], Never> {
        Task {
            var seen: [ClusterChange] = []
            for await change in changes { seen.append(change) }
            return seen
        }
    }

    @Test func aResizeAndADeleteArePublishedInOrderAndTheStreamEnds() async throws {
        let clock = ManualClusterClock()
        let cluster = try await SimulatedCluster.create(spec: spec("pub"), clock: clock)
        let seen = collect(await cluster.changes())
        let update = try await cluster.resize(primaryWorkers: 3, secondaryWorkers: 0)
        let delete = try await cluster.delete()
        let changes = await seen.value
        let operations = changes.compactMap { change -> ClusterOperation? in
            if case let .operation(operation) = change { return operation }
            return nil
        }
        #expect(operations.map(\.id) == [update.id, update.id, delete.id, delete.id])
        #expect(operations.map(\.done) == [false, true, false, true])
        let states = changes.compactMap { change -> ClusterState? in
            if case let .status(status) = change { return status.state }
            return nil
        }
        #expect(states == [.updating, .running, .deleting])
        #expect(changes.contains(.nodes))
        #expect(changes.last == .deleted)
    }

    @Test func aTtlDeleteIsAnOperationThatSubscribersHear() async throws {
        let clock = ManualClusterClock()
        let cluster = try await SimulatedCluster.create(
            spec: spec("ttl", lifecycle: LifecycleConfig(autoDeleteTtl: GoogleDuration(seconds: 600))), clock: clock)
        let seen = collect(await cluster.changes())
        clock.advance(by: .seconds(600))
        await cluster.tick()
        let changes = await seen.value
        let delete = try #require(await cluster.operations.last)
        #expect(delete.operationType == .delete)
        #expect(delete.done)
        #expect(changes.contains(.operation(delete)))
        #expect(changes.last == .deleted)
    }

    @Test func subscribingToADeletedClusterEndsAtOnce() async throws {
        let cluster = try await SimulatedCluster.create(spec: spec("gone"))
        try await cluster.delete()
        let changes = await collect(await cluster.changes()).value
        #expect(changes == [.deleted])
    }

    /// A RUNNING cluster restored on `clock`, created `age` seconds ago and idle since `idle` seconds ago.
    private func restored(
        _ name: String, lifecycle: LifecycleConfig, age: Int64, idle: Int64? = nil, clock: ManualClusterClock
    ) async throws -> (SimulatedCluster, created: GoogleTimestamp) {
        let now = GoogleTimestamp(clock.date(of: clock.now))
        let created = now.adding(GoogleDuration(seconds: -age))
        let cluster = try await SimulatedCluster.restore(
            spec: spec(name, lifecycle: lifecycle), clusterUuid: UUID().uuidString.lowercased(),
            status: ClusterStatus(state: .running, stateStartTime: created), statusHistory: [], createTime: created,
            idleSince: idle.map { now.adding(GoogleDuration(seconds: -$0)) }, clock: clock)
        return (cluster, created)
    }

    @Test func aRestoredClusterKeepsItsAbsoluteMaximumAge() async throws {
        // A 30-minute autoDeleteTtl cluster restarted at minute 20 is deleted at minute 30, not 50.
        let clock = ManualClusterClock()
        let (cluster, created) = try await restored(
            "aged", lifecycle: LifecycleConfig(autoDeleteTtl: GoogleDuration(seconds: 1800)), age: 1200, clock: clock)
        clock.advance(by: .seconds(599))
        await cluster.tick()
        #expect(await cluster.state == .running)
        clock.advance(by: .seconds(1))
        await cluster.tick()
        #expect(await cluster.isDeleted)
        let delete = try #require(await cluster.operations.last)
        #expect(delete.operationType == .delete)
        #expect(delete.status.stateStartTime == created.adding(GoogleDuration(seconds: 1800)))
    }

    @Test func aRestoredClusterKeepsWhenItBecameIdle() async throws {
        let clock = ManualClusterClock()
        let (cluster, idle) = try await restored(
            "idle", lifecycle: LifecycleConfig(idleDeleteTtl: GoogleDuration(seconds: 600)), age: 500, idle: 500, clock: clock)
        #expect(await cluster.config.lifecycleConfig?.idleStartTime == idle)
        clock.advance(by: .seconds(100))
        await cluster.tick()
        #expect(await cluster.isDeleted)
    }
}
