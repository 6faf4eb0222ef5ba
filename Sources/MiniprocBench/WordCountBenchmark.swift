import Foundation
import Jobs
import MapReduce

/// Word count of a Zipf corpus against the shell pipeline on the same file.
enum WordCountBenchmark {
    static func run(arguments: [String]) async throws {
        let bytes = try Bench.size(arguments.first ?? "1G")
        let directory = try Bench.dataDirectory()
        let corpus = "\(directory)/zipf-\(bytes).txt"
        if !FileManager.default.fileExists(atPath: corpus) {
            let seconds = try await Bench.time { try CorpusGenerator.write(path: corpus, bytes: bytes) }
            Bench.figure("wordcount.generate", Double(bytes) / 1e6 / seconds, "MB/s")
        }
        let megabytes = Double(bytes) / 1e6
        let output = "\(directory)/wordcount-out"
        try Bench.remove(output)

        // Warm the page cache so both sides read from memory.
        _ = try Bench.shell("cat '\(corpus)' > /dev/null")
        let launcher = LocalTaskLauncher(scratchDirectory: "\(directory)/scratch")
        defer { Bench.cleanUp(launcher) }
        let submitter = RunnerSubmitter(runner: JobRunner(launcher: launcher))
        // Properties after the size (`key=value`) tune the job, as -D does.
        var configuration = JobConfiguration()
        for pair in arguments.dropFirst() {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { configuration[parts[0]] = parts[1] }
        }
        var outcome: ProgramOutcome?
        let cpuBefore = Bench.cpuSeconds()
        let engineSeconds = try await Bench.time {
            outcome = try await WordCount.run(arguments: [corpus, output], configuration: configuration, submitter: submitter)
        }
        let peak = Bench.peakResidentMB()
        Bench.figure("wordcount.engine.cpu_seconds", Bench.cpuSeconds() - cpuBefore, "s", decimals: 2)
        if ProcessInfo.processInfo.environment["MINIPROC_BENCH_ENGINE_ONLY"] != nil {
            Bench.figure("wordcount.engine", megabytes / engineSeconds, "MB/s")
            return
        }
        let shellSeconds = try Bench.shell("LC_ALL=C tr -s ' ' '\\n' < '\(corpus)' | LC_ALL=C sort | uniq -c > '\(directory)/wordcount-shell.txt'")
        let wcSeconds = try Bench.shell("wc -w < '\(corpus)' > /dev/null")

        let counters = outcome?.results.first?.counters ?? Counters()
        Bench.figure("wordcount.input", megabytes, "MB")
        Bench.figure("wordcount.words", Double(counters[.mapOutputRecords]), "words", decimals: 0)
        Bench.figure("wordcount.engine.seconds", engineSeconds, "s", decimals: 2)
        Bench.figure("wordcount.engine", megabytes / engineSeconds, "MB/s")
        Bench.figure("wordcount.shell_pipeline", megabytes / shellSeconds, "MB/s")
        Bench.figure("wordcount.wc_w", megabytes / wcSeconds, "MB/s")
        Bench.figure("wordcount.speedup_vs_shell", shellSeconds / engineSeconds, "x", decimals: 2)
        Bench.figure("wordcount.peak_rss", peak, "MiB", decimals: 0)
    }
}
