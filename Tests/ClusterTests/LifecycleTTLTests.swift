import Cluster
import Foundation
import MapReduce
import MiniprocTesting
import ResourceManager
import Testing

@Suite struct LifecycleTTLTests {
    @Test func anIdleClusterIsDeletedOnceIdleDeleteTtlPasses() async throws {
        try await withTestCluster(profile: "ephemeral", name: "tmp") { test in
            #expect(await test.cluster.config.lifecycleConfig?.idleStartTime == GoogleTimestamp(test.clock.date(of: .origin)))
            await test.advance(by: .seconds(599))
            #expect(await test.cluster.state == .running)
            await test.advance(by: .seconds(1))
            #expect(await test.cluster.isDeleted)
            let delete = try #require(await test.cluster.operations.last)
            #expect(delete.operationType == .delete && delete.done)
            #expect(await test.cluster.status.state == .deleting)
            #expect(await test.cluster.status.detail == "Cluster was idle for 600s (idleDeleteTtl).")
            #expect(!FileManager.default.fileExists(atPath: test.cluster.dataDirectory))
        }
    }

    @Test func runningAJobResetsTheIdleTime() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 1, lines: 20)
        try await withTestCluster(profile: "ephemeral") { test in
            await test.advance(by: .seconds(400))
            #expect(try await test.run(corpus.wordCount(output: scratch.path("out"))).state == .done)
            let idleStart = try #require(await test.cluster.config.lifecycleConfig?.idleStartTime)
            #expect(idleStart == GoogleTimestamp(test.clock.date(of: ClusterInstant(sinceOrigin: .seconds(400)))))
            await test.advance(by: .seconds(599))
            #expect(await test.cluster.state == .running)
            await test.advance(by: .seconds(1))
            #expect(await test.cluster.isDeleted)
        }
    }

    @Test func aClusterIsDeletedAtItsMaximumAge() async throws {
        try await withTestCluster(configure: {
            $0.config?.lifecycleConfig = LifecycleConfig(autoDeleteTtl: GoogleDuration(seconds: 3600))
        }) { test in
            await test.advance(by: .seconds(3599))
            #expect(await test.cluster.state == .running)
            await test.advance(by: .seconds(1))
            #expect(await test.cluster.isDeleted)
            #expect(await test.cluster.status.detail == "Cluster reached its maximum age of 3600s (autoDeleteTtl).")
        }
    }

    @Test func aClusterIsDeletedAtItsExpirationTime() async throws {
        let clock = ManualClusterClock()
        let expiry = GoogleTimestamp(clock.date(of: .origin)).adding(GoogleDuration(seconds: 1800))
        try await withTestCluster(clock: clock, configure: {
            $0.config?.lifecycleConfig = LifecycleConfig(autoDeleteTime: expiry)
        }) { test in
            await test.advance(by: .seconds(1799))
            #expect(await test.cluster.state == .running)
            await test.advance(by: .seconds(1))
            #expect(await test.cluster.isDeleted)
        }
    }

    @Test func metricsAreSampledOnTheClock() async throws {
        try await withTestCluster(options: ClusterOptions(metricsSampleInterval: .seconds(10))) { test in
            for _ in 0..<5 { await test.advance(by: .seconds(10)) }
            let samples = await test.cluster.metricsSamples(since: .origin)
            #expect(samples.map(\.instant.seconds) == [0, 10, 20, 30, 40, 50])
            #expect(samples.allSatisfy { $0.yarn.memoryMBAvailable == 12288 })
            #expect(await test.cluster.metricsSamples(since: ClusterInstant(sinceOrigin: .seconds(30))).count == 3)
        }
    }
}
