import Cluster
import Foundation
import Jobs
import MapReduce
import MiniprocTesting
import Testing

@Suite("Application masters' share of the cluster")
struct MasterShareTests {
    @Test("more concurrent jobs than a small cluster has containers all finish: masters never take every container",
          .timeLimit(.minutes(1)))
    func concurrentJobsOnASmallClusterAllFinish() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 2, lines: 50)
        // `small`: two workers of two 3072 MB containers each; four masters alone would fill them.
        try await withTestCluster(profile: "small") { test in
            var handles: [ClusterJobHandle] = []
            for index in 0..<4 {
                handles.append(try await test.submit(program: WordCount.self, arguments: corpus.files + [scratch.path("out\(index)")]))
            }
            for (index, handle) in handles.enumerated() {
                #expect(try await handle.wait().state == .done)
                #expect(try WordCorpus.outputLines(scratch.path("out\(index)")) == corpus.expectedLines)
            }
        }
    }
}
