import Cluster
import Foundation
import MapReduce
import MiniprocTesting
import Testing

@Suite struct LifecycleOperationTests {
    @Test func scalingUpAddsWorkersThroughAnUpdateOperation() async throws {
        try await withTestCluster(name: "etl") { test in
            let operation = try await test.cluster.resize(primaryWorkers: 3, secondaryWorkers: 1)
            #expect(operation.operationType == .update)
            #expect(operation.description == "Add 1 workers. Add 1 secondary workers.")
            #expect(operation.done && operation.error == nil)
            #expect(operation.statusHistory.map(\.state) == [.pending, .running])
            #expect(await test.cluster.state == .running)
            #expect(await test.cluster.statusHistory.map(\.state) == [.creating, .running, .updating])
            #expect(await test.cluster.activeNodeNames == ["etl-m", "etl-w-0", "etl-w-1", "etl-w-2", "etl-sw-0"])
            #expect(await test.cluster.yarnMetrics.memoryMBTotal == 4 * 6144)
            #expect(await test.cluster.config.workerConfig?.numInstances == 3)
        }
    }

    @Test func resizingRejectsOnePrimaryWorkerAndANonRunningCluster() async throws {
        try await withTestCluster(name: "etl") { test in
            await #expect(throws: ClusterError.invalidConfig(.onePrimaryWorker(cluster: "etl"))) {
                try await test.cluster.resize(primaryWorkers: 1, secondaryWorkers: 0)
            }
            try await test.cluster.stop()
            await #expect(throws: ClusterError.wrongState(cluster: "etl", state: .stopped, action: "be updated")) {
                try await test.cluster.resize(primaryWorkers: 3, secondaryWorkers: 0)
            }
        }
    }

    @Test func stopAndStartMoveThroughTheirStatesAndOperations() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 1, lines: 20)
        try await withTestCluster(name: "etl") { test in
            let stop = try await test.cluster.stop()
            #expect(stop.operationType == .stop && stop.done)
            #expect(await test.cluster.state == .stopped)
            #expect(await test.cluster.yarnMetrics.nodesActive == 0)
            await #expect(throws: ClusterError.wrongState(cluster: "etl", state: .stopped, action: "accept jobs")) {
                _ = try await test.submit(corpus.wordCount(output: scratch.path("out")))
            }
            let start = try await test.cluster.start()
            #expect(start.operationType == .start && start.done)
            #expect(await test.cluster.statusHistory.map(\.state) == [.creating, .running, .stopping, .stopped, .starting])
            #expect(await test.cluster.state == .running)
            #expect(await test.cluster.yarnMetrics.nodesActive == 2)
            #expect(try await test.run(corpus.wordCount(output: scratch.path("out"))).state == .done)
            #expect(await test.cluster.operations.map(\.operationType) == [.create, .stop, .start])
        }
    }

    @Test func deleteFailsRunningJobsReleasesContainersAndRemovesEveryDirectory() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 3, lines: 50)
        let gate = TaskGate()
        try await withTestCluster(name: "etl", options: gatedOptions) { test in
            let handle = try await test.submit(corpus.wordCount(output: scratch.path("out")).gatingMaps(at: gate))
            await gate.waitUntilEntered(3)
            let operationID = try await test.cluster.beginDelete()
            #expect(await test.cluster.state == .deleting)
            gate.open()
            let operation = await test.cluster.waitForOperation(operationID)
            #expect(operation.operationType == .delete && operation.description == "Delete cluster" && operation.done)
            #expect(await test.cluster.isDeleted)
            let job = try await handle.current()
            #expect(job.state == .error)
            #expect(job.status.details?.contains("cluster 'etl' was deleted") == true)
            #expect(job.yarnApplications.first?.state == .killed)
            let metrics = await test.cluster.yarnMetrics
            #expect(metrics.containersAllocated == 0 && metrics.nodesActive == 0)
            #expect(!FileManager.default.fileExists(atPath: test.cluster.dataDirectory))
            #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
            await #expect(throws: ClusterError.deleted(cluster: "etl")) {
                _ = try await test.submit(corpus.wordCount(output: scratch.path("again")))
            }
        }
    }

    @Test func cancellingAJobKillsItsApplication() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 2, lines: 50)
        let gate = TaskGate()
        try await withTestCluster(options: gatedOptions) { test in
            let handle = try await test.submit(corpus.wordCount(output: scratch.path("out")).gatingMaps(at: gate))
            await gate.waitUntilEntered(2)
            try await handle.cancel()
            #expect(try await handle.current().state == .cancelPending)
            gate.open()
            let job = try await handle.wait()
            #expect(job.state == .cancelled)
            #expect(job.statusHistory.map(\.state) == [.pending, .setupDone, .running, .cancelPending])
            #expect(job.yarnApplications.first?.state == .killed)
            #expect(await test.cluster.yarnMetrics.containersAllocated == 0)
        }
    }
}
