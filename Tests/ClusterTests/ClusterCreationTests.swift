import Cluster
import Foundation
import MiniprocTesting
import ResourceManager
import Testing

@Suite struct ClusterCreationTests {
    @Test func aSmallProfileGivesAMasterAndTwoWorkersWithYarnSizesAndDisks() async throws {
        try await withTestCluster(profile: "small", name: "etl") { test in
            let nodes = await test.cluster.nodeSummaries
            #expect(nodes.map(\.name) == ["etl-m", "etl-w-0", "etl-w-1"])
            #expect(nodes.map(\.role) == [.master, .primaryWorker, .primaryWorker])
            // n1-standard-2: 7.5 GiB × 0.8 = 6144 MB and 2 vcores for YARN.
            #expect(nodes.map(\.memoryMB) == [0, 6144, 6144])
            #expect(nodes.map(\.vcores) == [0, 2, 2])
            // 50 GB boot disks at the default scale of 1/1000.
            #expect(nodes.allSatisfy { $0.diskQuotaBytes == Int64((50.0 * Double(1 << 30) * 0.001).rounded()) })
            #expect(nodes.allSatisfy { FileManager.default.fileExists(atPath: $0.directory) })

            let metrics = await test.cluster.yarnMetrics
            #expect(metrics.memoryMBTotal == 12288)
            #expect(metrics.vcoresTotal == 4)
            #expect(metrics.nodesActive == 2)
            let config = await test.cluster.config
            #expect(config.workerConfig?.instanceNames == ["etl-w-0", "etl-w-1"])
            #expect(config.masterConfig?.instanceNames == ["etl-m"])
        }
    }

    @Test func creationIsADoneCreateOperationAndTheClusterIsRunning() async throws {
        try await withTestCluster { test in
            let operations = await test.cluster.operations
            #expect(operations.count == 1)
            let create = try #require(operations.first)
            #expect(create.operationType == .create)
            #expect(create.description == "Create cluster with 2 workers")
            #expect(create.done && create.error == nil)
            #expect(create.statusHistory.map(\.state) == [.pending, .running])
            #expect(await test.cluster.state == .running)
            #expect(await test.cluster.statusHistory.map(\.state) == [.creating])
        }
    }

    @Test func anInvalidSpecIsRejectedWithTheFieldAndTheFix() async throws {
        await #expect(throws: ClusterError.invalidConfig(.onePrimaryWorker(cluster: "bad"))) {
            _ = try await SimulatedCluster.create(profile: "small", name: "bad", clock: ManualClusterClock()) {
                $0.config?.workerConfig?.numInstances = 1
            }
        }
    }

    @Test func secondaryWorkersAreNamedSwAndPreemptedOnesComeBackEmpty() async throws {
        try await withTestCluster(name: "etl", configure: {
            $0.config?.secondaryWorkerConfig = InstanceGroupConfig(numInstances: 2)
        }) { test in
            #expect(await test.cluster.nodeSummaries.map(\.name) == ["etl-m", "etl-w-0", "etl-w-1", "etl-sw-0", "etl-sw-1"])
            #expect(await test.cluster.secondaryWorkerCount == 2)
            let directories = await test.cluster.nodeSummaries.filter { $0.role == .secondaryWorker }.map(\.directory)
            for directory in directories {
                try Data("spill".utf8).write(to: URL(fileURLWithPath: directory + "/leftover"))
            }
            let preempted = try await test.preemptSecondaryWorkers()
            #expect(preempted == ["etl-sw-1", "etl-sw-0"])
            // Recreated under their names, as a managed instance group does, with empty disks.
            #expect(await test.cluster.secondaryWorkerCount == 2)
            let metrics = await test.cluster.yarnMetrics
            #expect(metrics.nodesActive == 4)
            let summaries = await test.cluster.nodeSummaries.filter { $0.role == .secondaryWorker }
            #expect(summaries.map(\.name) == ["etl-sw-0", "etl-sw-1"])
            #expect(summaries.allSatisfy { $0.state == .running && !FileManager.default.fileExists(atPath: $0.directory + "/leftover") })
        }
    }

    @Test func teardownLeavesNoDirectoryEvenWhenTheBodyThrows() async throws {
        struct Boom: Error {}
        var directory = ""
        do {
            try await withTestCluster { test in
                directory = test.cluster.dataDirectory
                #expect(FileManager.default.fileExists(atPath: directory))
                throw Boom()
            }
        } catch is Boom {}
        #expect(!directory.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory))
    }
}
