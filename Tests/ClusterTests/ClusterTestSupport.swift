import Cluster
import Foundation
import Jobs
import MapReduce
import MiniprocTesting

/// A scratch directory for a test's input and output, removed at the end.
struct Scratch {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "cluster-tests-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func corpus(files: Int = 4, lines: Int = 400) throws -> WordCorpus {
        try WordCorpus(directory: path("in"), fileCount: files, linesPerFile: lines)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// Word count over `corpus` with `reduces` reducers and one map per file.
func wordCount(_ corpus: WordCorpus, output: String, reduces: Int = 2) -> MapReduceJob {
    WordCount.makeJob(inputs: corpus.files, output: output, configuration: JobConfiguration([
        ConfigKey.reduces: String(reduces), ConfigKey.sortMB: "1",
    ]))
}

/// Options for clusters whose tests hold tasks at a gate: a private pool large
/// enough that held tasks never starve other tests' work.
let gatedOptions = ClusterOptions(hostParallelism: 8)

/// Waits until `condition` holds, letting other tasks run in between; for
/// state that real work changes, never for time.
func eventually(_ condition: @Sendable () async -> Bool) async {
    while await !condition() { await Task.yield() }
}
