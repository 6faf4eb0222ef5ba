import Autoscaling
import Foundation
import ResourceManager
import Testing

/// A cluster that resizes at once and reports a fixed backlog.
actor FakeScalableCluster: ScalableCluster {
    var primary = 2
    var pendingMB: Int
    private(set) var resizes: [Int] = []

    init(pendingMB: Int) {
        self.pendingMB = pendingMB
    }

    func observe() -> ClusterObservation {
        observation(primary: primary, pendingMB: pendingMB)
    }

    func resize(primaryWorkers: Int, secondaryWorkers: Int, gracefulDecommissionTimeout: Duration, requestID: String) -> String {
        resizes.append(primaryWorkers)
        primary = primaryWorkers
        pendingMB = 0
        return "operations/\(requestID)"
    }
}

@Suite struct AutoscalerServiceTests {
    /// Lets other tasks run until `condition` holds; no real time passes.
    func eventually(_ condition: () async -> Bool) async -> Bool {
        for _ in 0..<100_000 {
            if await condition() { return true }
            await Task.yield()
        }
        return false
    }

    @Test func attachedPolicyScalesARunningClusterAndDetachingKeepsTheHistory() async throws {
        let clock = ManualClusterClock()
        let cluster = FakeScalableCluster(pendingMB: 3 * n1Standard4MB)
        let service = AutoscalerService(cluster: cluster, clock: clock)
        try await service.attach(makePolicy(cooldownSeconds: 120))
        #expect(await service.nextEvaluation == at(120))

        for _ in 0..<2 {
            #expect(await eventually { clock.sleeperCount == 1 })
            clock.advance(by: .seconds(60))
        }
        #expect(await eventually { await cluster.resizes == [5] })
        #expect(await eventually { await service.history.last?.outcome == .succeeded(operationName: "operations/autoscaler-1") })

        await service.detach()
        #expect(await service.policy == nil)
        clock.advance(by: .seconds(3600))
        #expect(await cluster.resizes == [5])
        #expect(await service.history.count == 1)
    }
}
