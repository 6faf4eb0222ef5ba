import Cluster

/// A word count running on a test cluster with every map attempt held at a gate
/// when it starts, so that a test can resize the cluster, lose nodes or move the
/// clock while the maps run, then let them finish.
public struct HeldWordCount: Sendable {
    /// The job.
    public let handle: ClusterJobHandle
    /// The gate its map attempts wait at; `open()` it to let them run.
    public let gate: TaskGate
    /// Its input, with the sequential answer to compare the output against.
    public let corpus: WordCorpus
    /// Its output directory.
    public let output: String
}

extension TestCluster {
    /// Writes a seeded corpus of `files` files (one map task each) of `lines` lines
    /// in `scratch`, submits word count over it into `scratch.path("out")` with
    /// every map held at a new gate, and returns once `entered` maps have reached
    /// the gate — for a cluster too small to run them all, the others wait as
    /// pending memory.
    public func submitHeldWordCount(in scratch: Scratch, files: Int, lines: Int, entered: Int) async throws -> HeldWordCount {
        let corpus = try scratch.corpus(files: files, lines: lines)
        let gate = TaskGate()
        let output = scratch.path("out")
        let handle = try await submit(corpus.wordCount(output: output).gatingMaps(at: gate))
        await gate.waitUntilEntered(entered)
        return HeldWordCount(handle: handle, gate: gate, corpus: corpus, output: output)
    }
}
