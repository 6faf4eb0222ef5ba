import Cluster
import Foundation
import MiniprocTesting
import Testing

@Suite struct UpdateFailureTests {
    @Test func aWorkerThatCannotBeProvisionedFailsTheUpdateAndTheClusterRunsOn() async throws {
        try await withTestCluster(name: "bad") { test in
            // A file where the new worker's directory must go.
            let blocker = test.cluster.dataDirectory + "/nodes/bad-w-2"
            try Data("not a directory".utf8).write(to: URL(fileURLWithPath: blocker))
            let id = try await test.cluster.beginResize(primaryWorkers: 3, secondaryWorkers: 0)
            let operation = await test.cluster.waitForOperation(id)
            #expect(operation.done)
            #expect(operation.error?.message.hasPrefix("could not add workers: ") == true)
            #expect(await test.cluster.state == .running)
            #expect(await test.cluster.primaryWorkerCount == 2)
            // The cluster takes the next update.
            try FileManager.default.removeItem(atPath: blocker)
            let retried = try await test.cluster.resize(primaryWorkers: 3, secondaryWorkers: 0)
            #expect(retried.error == nil)
            #expect(await test.cluster.primaryWorkerCount == 3)
        }
    }
}
