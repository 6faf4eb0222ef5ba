import Cluster
import Jobs
import Foundation
import MapReduce
import MiniprocTesting
import Testing

@Suite struct PlacementTests {
    @Test func theApplicationMasterAndTasksHoldContainersAndWhatDoesNotFitIsPending() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 5, lines: 50)
        let gate = TaskGate()
        try await withTestCluster(options: gatedOptions) { test in
            let handle = try await test.submit(corpus.wordCount(output: scratch.path("out")).gatingMaps(at: gate))
            // 2 workers × 2 containers of 3072 MB: the AM and 3 maps run, 2 maps wait.
            await gate.waitUntilEntered(3)
            await eventually { await test.cluster.yarnMetrics.containersPending == 2 }
            let busy = await test.cluster.yarnMetrics
            #expect(busy.containersAllocated == 4)
            #expect(busy.memoryMBAllocated == 12288)
            #expect(busy.memoryMBAvailable == 0)
            #expect(busy.memoryMBPending == 6144)
            #expect(busy.vcoresPending == 2)
            #expect(busy.appsRunning == 1)
            let running = try await handle.current()
            #expect(running.state == .running)
            #expect(running.yarnApplications.first?.state == .running)
            #expect(await test.cluster.nodeSummaries.map(\.runningContainers) == [0, 2, 2])

            gate.open()
            let job = try await handle.wait()
            #expect(job.state == .done)
            #expect(job.statusHistory.map(\.state) == [.pending, .setupDone, .running])
            #expect(try WordCorpus.outputLines(scratch.path("out")) == corpus.expectedLines)
            let idle = await test.cluster.yarnMetrics
            #expect(idle.containersAllocated == 0 && idle.memoryMBPending == 0 && idle.memoryMBAvailable == 12288)
            #expect(idle.appsCompleted == 1 && idle.appsRunning == 0)
            let nodes = await test.cluster.nodeSummaries
            #expect(nodes.map(\.peakMemoryMB) == [0, 6144, 6144])
            #expect(nodes.reduce(0) { $0 + $1.tasksRun } == job.attempts.count)
        }
    }

    @Test func everyAttemptRecordsItsNodeAndTheDriverPrintsHadoopProgress() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 3, lines: 100)
        try await withTestCluster(name: "wc") { test in
            let job = try await test.run(corpus.wordCount(output: scratch.path("out")))
            #expect(job.state == .done)
            #expect(job.attempts.count == 5)
            #expect(job.attempts.allSatisfy { ["wc-w-0", "wc-w-1"].contains($0.nodeName) && $0.succeeded })
            let application = try #require(job.yarnApplications.first)
            #expect(application.state == .finished && application.progress == 1)
            #expect(application.id.hasPrefix("application_") && application.id.hasSuffix("_0001"))
            #expect(application.trackingUrl == "http://wc-m:8088/proxy/\(application.id)/")
            let output = job.driverOutput
            #expect(output.contains("INFO impl.YarnClientImpl: Submitted application \(application.id)"))
            #expect(output.contains("INFO mapreduce.Job:  map 0% reduce 0%"))
            #expect(output.contains("INFO mapreduce.Job:  map 100% reduce 100%"))
            #expect(output.contains { $0.hasSuffix("completed successfully") })
            #expect(output.contains("\t\tMap input records=300"))
            #expect(try WordCorpus.outputLines(scratch.path("out")) == corpus.expectedLines)
        }
    }

    @Test func severalJobsShareTheClusterAtOnce() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 3, lines: 100)
        try await withTestCluster { test in
            let first = try await test.submit(corpus.wordCount(output: scratch.path("one")))
            let second = try await test.submit(corpus.wordCount(output: scratch.path("two"), reduces: 3))
            let third = try await test.submit(program: WordCount.self, arguments: corpus.files + [scratch.path("three")])
            for handle in [first, second, third] {
                #expect(try await handle.wait().state == .done)
            }
            for name in ["one", "two", "three"] {
                #expect(try WordCorpus.outputLines(scratch.path(name)) == corpus.expectedLines)
            }
            let ids = try await [first, second, third].asyncMap { try await $0.current().yarnApplications.first?.id }
            #expect(Set(ids.compactMap { $0 }).count == 3)
            #expect(await test.cluster.yarnMetrics.appsCompleted == 3)
        }
    }
}

extension Array where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
