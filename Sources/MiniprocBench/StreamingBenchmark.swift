import Foundation
import MapReduce
import Streaming

/// Streaming jobs against the same programs in a shell pipeline on the same file:
/// the identity job (`cat`/`cat`) vs `cat | LC_ALL=C sort`, and the README's Python
/// word count vs `cat | python3 mapper.py | LC_ALL=C sort | python3 reducer.py`.
enum StreamingBenchmark {
    static func run(arguments: [String]) async throws {
        let bytes = try Bench.size(arguments.first ?? "256M")
        let directory = try Bench.dataDirectory()
        let corpus = "\(directory)/zipf-\(bytes).txt"
        if !FileManager.default.fileExists(atPath: corpus) {
            try CorpusGenerator.write(path: corpus, bytes: bytes)
        }
        let megabytes = Double(bytes) / 1e6
        let examples = FileManager.default.currentDirectoryPath + "/Examples/streaming"
        _ = try Bench.shell("cat '\(corpus)' > /dev/null")
        let launcher = LocalTaskLauncher(scratchDirectory: "\(directory)/scratch")
        defer { Bench.cleanUp(launcher) }
        let submitter = RunnerSubmitter(runner: JobRunner(launcher: launcher))

        let identityOutput = "\(directory)/streaming-identity-out"
        try Bench.remove(identityOutput)
        let identitySeconds = try await Bench.time {
            _ = try await HadoopStreaming.run(
                arguments: ["-D", "mapreduce.job.reduces=2", "-input", corpus, "-output", identityOutput, "-mapper", "cat", "-reducer", "cat"],
                configuration: JobConfiguration(), submitter: submitter)
        }
        try Bench.remove(identityOutput)
        let sortSeconds = try Bench.shell("cat '\(corpus)' | LC_ALL=C sort > '\(directory)/streaming-sort.txt'")
        try Bench.remove("\(directory)/streaming-sort.txt")
        Bench.figure("streaming.input", megabytes, "MB")
        Bench.figure("streaming.identity", megabytes / identitySeconds, "MB/s")
        Bench.figure("streaming.identity.baseline_cat_sort", megabytes / sortSeconds, "MB/s")

        let wordCountOutput = "\(directory)/streaming-wordcount-out"
        try Bench.remove(wordCountOutput)
        let wordCountSeconds = try await Bench.time {
            _ = try await HadoopStreaming.run(
                arguments: ["-D", "mapreduce.job.reduces=2", "-files", "\(examples)/mapper.py,\(examples)/reducer.py",
                            "-input", corpus, "-output", wordCountOutput, "-mapper", "mapper.py", "-reducer", "reducer.py"],
                configuration: JobConfiguration(), submitter: submitter)
        }
        try Bench.remove(wordCountOutput)
        let pipelineSeconds = try Bench.shell(
            "cat '\(corpus)' | python3 '\(examples)/mapper.py' | LC_ALL=C sort | python3 '\(examples)/reducer.py' > '\(directory)/streaming-pipeline.txt'")
        try Bench.remove("\(directory)/streaming-pipeline.txt")
        Bench.figure("streaming.python_wordcount.seconds", wordCountSeconds, "s", decimals: 2)
        Bench.figure("streaming.python_wordcount.baseline_pipeline.seconds", pipelineSeconds, "s", decimals: 2)
        Bench.figure("streaming.python_wordcount.speedup_vs_pipeline", pipelineSeconds / wordCountSeconds, "x", decimals: 2)
        Bench.figure("streaming.peak_rss", Bench.peakResidentMB(), "MiB", decimals: 0)
    }
}
