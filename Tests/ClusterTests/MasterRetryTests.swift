import Cluster
import Foundation
import MapReduce
import MiniprocTesting
import Testing

@Suite struct MasterRetryTests {
    /// Word count over `corpus`, its maps held at `gate`, with these extra properties.
    private func heldWordCount(_ corpus: WordCorpus, output: String, gate: TaskGate, properties: [String: String] = [:]) -> MapReduceJob {
        var job = corpus.wordCount(output: output).gatingMaps(at: gate)
        job.configuration = job.configuration.merging(properties)
        return job
    }

    @Test func aLostApplicationMasterIsRetriedAndTheJobStillWritesExactOutput() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 4, lines: 120)
        let gate = TaskGate()
        try await withTestCluster(name: "am", options: gatedOptions) { test in
            // The master is the first container: on the emptiest worker, am-w-0.
            let handle = try await test.submit(heldWordCount(corpus, output: scratch.path("out"), gate: gate))
            await gate.waitUntilEntered(2)
            try await test.loseNode("am-w-0")
            gate.open()
            let job = try await handle.wait()
            #expect(job.state == .done, "\(job.status)")
            #expect(try WordCorpus.outputLines(scratch.path("out")) == corpus.expectedLines)
            let retry = job.driverOutput.first { $0.contains("AM Container for appattempt_") }
            #expect(retry?.contains("_000001 exited: container killed: node am-w-0 was lost; launching attempt 2 of 2") == true)
            #expect(job.yarnApplications.count == 1)
            #expect(job.yarnApplications.first?.state == .finished)
        }
    }

    @Test func aJobWhoseOnlyMasterAttemptIsLostFailsNamingTheSetting() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 4, lines: 60)
        let gate = TaskGate()
        try await withTestCluster(name: "am", options: gatedOptions) { test in
            let handle = try await test.submit(heldWordCount(
                corpus, output: scratch.path("out"), gate: gate, properties: ["mapreduce.am.max-attempts": "1"]))
            await gate.waitUntilEntered(2)
            try await test.loseNode("am-w-0")
            gate.open()
            let job = try await handle.wait()
            #expect(job.state == .error)
            #expect(job.status.details?.contains("failed 1 times (mapreduce.am.max-attempts) due to AM Container") == true)
            #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
        }
    }
}
