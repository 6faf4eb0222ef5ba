import Foundation
import Jobs
import MiniprocTesting
import Testing

/// The example the README shows, kept here so that it cannot drift from the API.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("a word count on a test cluster survives losing a worker, with exact output")
    func wordCountSurvivesALostNode() async throws {
        let directory = NSTemporaryDirectory() + "readme-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = try WordCorpus(directory: directory + "/in", fileCount: 4, linesPerFile: 300)

        try await withTestCluster(profile: "standard") { cluster in
            let job = try await cluster.submit(program: WordCount.self, arguments: corpus.files + [directory + "/out"])
            try await cluster.loseNode(cluster.worker(1))
            #expect(try await job.wait().state == .done)
            #expect(try WordCorpus.outputLines(directory + "/out") == corpus.expectedLines)
        }
    }
}
