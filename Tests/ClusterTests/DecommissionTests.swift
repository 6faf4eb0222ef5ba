import Cluster
import Foundation
import MapReduce
import MiniprocTesting
import Testing

@Suite struct DecommissionTests {
    /// Runs `body` on three workers while a word count's 5 maps are held at its
    /// gate: with the application master they fill all 6 containers, 2 on etl-w-2.
    func withHeldMapsOnThreeWorkers(_ body: (TestCluster, HeldWordCount) async throws -> Void) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try await withTestCluster(name: "etl", options: gatedOptions, configure: { $0.config?.workerConfig?.numInstances = 3 }) { test in
            try await body(test, try await test.submitHeldWordCount(in: scratch, files: 5, lines: 60, entered: 5))
        }
    }

    @Test func aGracefulDecommissionWaitsForRunningTasks() async throws {
        try await withHeldMapsOnThreeWorkers { test, held in
            #expect(await test.cluster.nodeSummaries.first { $0.name == "etl-w-2" }?.runningContainers == 2)

            let operationID = try await test.cluster.beginResize(
                primaryWorkers: 2, secondaryWorkers: 0, gracefulDecommissionTimeout: .seconds(3600)
            )
            #expect(await test.cluster.operation(id: operationID)?.done == false)
            #expect(await test.cluster.operation(id: operationID)?.description == "Remove 1 workers.")
            #expect(await test.cluster.state == .updating)
            #expect(await test.cluster.yarnMetrics.nodesDecommissioning == 1)
            #expect(await test.cluster.primaryWorkerCount == 3)

            held.gate.open()
            let operation = await test.cluster.waitForOperation(operationID)
            #expect(operation.done && operation.error == nil)
            #expect(test.clock.now == .origin)
            #expect(await test.cluster.state == .running)
            #expect(await test.cluster.primaryWorkerCount == 2)
            #expect(await test.cluster.yarnMetrics.nodesDecommissioned == 1)
            let job = try await held.handle.wait()
            #expect(job.state == .done)
            // Nothing was killed: every attempt that ran on the draining node finished.
            #expect(job.attempts.filter { $0.nodeName == "etl-w-2" }.allSatisfy { $0.succeeded })
            #expect(try WordCorpus.outputLines(held.output) == held.corpus.expectedLines)
        }
    }

    @Test func theDecommissionTimeoutKillsWhatStillRunsAndTheTasksRunElsewhere() async throws {
        try await withHeldMapsOnThreeWorkers { test, held in
            let operationID = try await test.cluster.beginResize(
                primaryWorkers: 2, secondaryWorkers: 0, gracefulDecommissionTimeout: .seconds(600)
            )
            await test.advance(by: .seconds(599))
            #expect(await test.cluster.operation(id: operationID)?.done == false)
            await test.advance(by: .seconds(1))
            let operation = await test.cluster.waitForOperation(operationID)
            #expect(operation.done)
            let node = try #require(await test.cluster.nodeSummaries.first { $0.name == "etl-w-2" })
            #expect(node.state == .decommissioned && node.runningContainers == 0)
            #expect(!FileManager.default.fileExists(atPath: node.directory))

            held.gate.open()
            let job = try await held.handle.wait()
            #expect(job.state == .done)
            let killed = job.attempts.filter { $0.nodeName == "etl-w-2" }
            #expect(killed.count == 2)
            #expect(killed.allSatisfy { $0.error?.contains("node etl-w-2 was decommissioned") == true })
            for attempt in killed {
                #expect(job.attempts.contains { $0.attempt.task == attempt.attempt.task && $0.attempt.kind == .map && $0.succeeded && $0.nodeName != "etl-w-2" })
            }
            #expect(try WordCorpus.outputLines(held.output) == held.corpus.expectedLines)
        }
    }

    @Test func deletingTheClusterFailsAnUpdateThatIsStillDraining() async throws {
        try await withHeldMapsOnThreeWorkers { test, held in
            let update = try await test.cluster.beginResize(
                primaryWorkers: 2, secondaryWorkers: 0, gracefulDecommissionTimeout: .seconds(3600)
            )
            let delete = try await test.cluster.beginDelete()
            held.gate.open()
            #expect(await test.cluster.waitForOperation(delete).error == nil)
            let operation = await test.cluster.waitForOperation(update)
            #expect(operation.done)
            #expect(operation.error == OperationError(code: 1, message: "cluster 'etl' was deleted before the update finished removing workers"))
        }
    }
}
