import MiniprocTesting
import Testing

/// The example the README shows, kept here so that it cannot drift from the API.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("a word count on a test cluster survives losing a worker that holds its maps, with exact output")
    func wordCountSurvivesALostNode() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try await withTestCluster(profile: "standard") { cluster in
            // Word count whose maps wait at a gate once two have started: the node to lose holds some.
            let held = try await cluster.submitHeldWordCount(in: scratch, files: 4, lines: 300, entered: 2)
            let lost = cluster.worker(1)
            #expect(try await cluster.runningContainers(on: lost) > 0)
            try await cluster.loseNode(lost)
            held.gate.open()
            let job = try await held.handle.wait()
            #expect(job.state == .done)
            #expect(job.attempts.contains { $0.nodeName == lost && !$0.succeeded })
            #expect(try WordCorpus.outputLines(held.output) == held.corpus.expectedLines)
        }
    }
}
