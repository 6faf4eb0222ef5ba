import Cluster
import Foundation
import MapReduce
import MiniprocTesting
import Testing

@Suite struct FaultTests {
    @Test func aJobSurvivesALostNodeAndRecomputesTheMapOutputsThatWereOnIt() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 4, lines: 200)
        let gate = TaskGate()
        try await withTestCluster(name: "etl", options: gatedOptions) { test in
            // Maps finish; both reducers start and wait, one on each worker.
            let handle = try await test.submit(corpus.wordCount(output: scratch.path("out")).gatingReduces(at: gate))
            await gate.waitUntilEntered(2)
            let mapsOnLostNode = try await handle.current().attempts
            #expect(mapsOnLostNode.isEmpty)  // attempts are reported when the MapReduce job ends
            let directory = try #require(await test.cluster.nodeSummaries.first { $0.name == "etl-w-1" }?.directory)
            try await test.loseNode("etl-w-1")
            #expect(!FileManager.default.fileExists(atPath: directory))
            #expect(await test.cluster.yarnMetrics.nodesLost == 1)
            #expect(await test.cluster.nodeSummaries.first { $0.name == "etl-w-1" }?.state == .lost)

            gate.open()
            let job = try await handle.wait()
            #expect(job.state == .done)
            #expect(try WordCorpus.outputLines(scratch.path("out")) == corpus.expectedLines)
            let failed = job.attempts.filter { !$0.succeeded }
            #expect(failed.contains { $0.attempt.kind == .reduce && $0.nodeName == "etl-w-1" && $0.error?.contains("node etl-w-1 was lost") == true })
            // Maps whose output was on the lost node ran again on the surviving one.
            let firstMaps = job.attempts.filter { $0.attempt.kind == .map && $0.attempt.attempt == 0 }
            let lostMaps = firstMaps.filter { $0.nodeName == "etl-w-1" }.map(\.attempt.task)
            #expect(!lostMaps.isEmpty)
            for task in lostMaps {
                #expect(job.attempts.contains { $0.attempt.kind == .map && $0.attempt.task == task && $0.attempt.attempt > 0 && $0.nodeName == "etl-w-0" && $0.succeeded })
            }
            #expect(job.attempts.filter { $0.attempt.attempt > 0 }.allSatisfy { $0.nodeName == "etl-w-0" })
        }
    }

    @Test func aFullDiskFailsTheAttemptNamingTheNodeAndTheRetryRunsElsewhere() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 4, lines: 200)
        try await withTestCluster(name: "etl") { test in
            try await test.fillDisk(of: "etl-w-1")
            let job = try await test.run(corpus.wordCount(output: scratch.path("out")))
            #expect(job.state == .done)
            #expect(try WordCorpus.outputLines(scratch.path("out")) == corpus.expectedLines)
            let failed = job.attempts.filter { !$0.succeeded }
            #expect(!failed.isEmpty)
            #expect(failed.allSatisfy { $0.nodeName == "etl-w-1" && $0.attempt.kind == .map })
            #expect(failed.first?.error?.hasPrefix("node etl-w-1's local disk is full: 51.2 MB quota, 51.2 MB used; the attempt will be retried on another node") == true)
            #expect(job.attempts.filter { $0.attempt.kind == .map && $0.succeeded }.allSatisfy { $0.nodeName == "etl-w-0" })
        }
    }

    @Test func injectedFailuresFailTheNextAttemptsOfATask() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 3, lines: 50)
        try await withTestCluster(name: "etl") { test in
            await test.failAttempts(of: .map, task: 1, count: 2)
            let job = try await test.run(corpus.wordCount(output: scratch.path("out")))
            #expect(job.state == .done)
            let task1 = job.attempts.filter { $0.attempt.kind == .map && $0.attempt.task == 1 }
            #expect(task1.map(\.attempt.attempt) == [0, 1, 2])
            #expect(task1.map(\.succeeded) == [false, false, true])
            #expect(task1[0].error == "injected failure of \(task1[0].attempt) on node \(task1[0].nodeName)")
            // The retry avoided the node of the first failure.
            #expect(task1[1].nodeName != task1[0].nodeName)
            #expect(try WordCorpus.outputLines(scratch.path("out")) == corpus.expectedLines)
        }
    }
}
