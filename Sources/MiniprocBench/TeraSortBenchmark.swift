import Foundation
import Jobs
import MapReduce

/// TeraSort of gensort-ASCII records against `LC_ALL=C sort` on the same files.
enum TeraSortBenchmark {
    static func run(arguments: [String]) async throws {
        let rows = try Bench.size(arguments.first ?? "10000000")
        let directory = try Bench.dataDirectory()
        let input = "\(directory)/teragen-ascii-\(rows)"
        let launcher = LocalTaskLauncher(scratchDirectory: "\(directory)/scratch")
        defer { Bench.cleanUp(launcher) }
        let submitter = RunnerSubmitter(runner: JobRunner(launcher: launcher))
        let megabytes = Double(rows) * 100 / 1e6
        if !FileManager.default.fileExists(atPath: input + "/_SUCCESS") {
            try Bench.remove(input)
            let configuration = JobConfiguration([TeraGen.formatKey: "ascii", ConfigKey.maps: "2"])
            let seconds = try await Bench.time {
                _ = try await TeraGen.run(arguments: [String(rows), input], configuration: configuration, submitter: submitter)
            }
            Bench.figure("teragen.engine", megabytes / seconds, "MB/s")
        }
        let output = "\(directory)/terasort-out"
        try Bench.remove(output)
        _ = try Bench.shell("cat '\(input)'/part-m-* > /dev/null")

        var configuration = JobConfiguration([ConfigKey.reduces: "2"])
        for pair in arguments.dropFirst() {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { configuration[parts[0]] = parts[1] }
        }
        let cpuBefore = Bench.cpuSeconds()
        let engineSeconds = try await Bench.time {
            _ = try await TeraSort.run(arguments: [input, output], configuration: configuration, submitter: submitter)
        }
        let peak = Bench.peakResidentMB()
        Bench.figure("terasort.engine.cpu_seconds", Bench.cpuSeconds() - cpuBefore, "s", decimals: 2)
        try checkSorted(output)
        Bench.figure("terasort.input", megabytes, "MB")
        Bench.figure("terasort.engine.seconds", engineSeconds, "s", decimals: 2)
        Bench.figure("terasort.engine", megabytes / engineSeconds, "MB/s")
        Bench.figure("terasort.peak_rss", peak, "MiB", decimals: 0)
        if ProcessInfo.processInfo.environment["MINIPROC_BENCH_ENGINE_ONLY"] != nil { return }
        let sortSeconds = try Bench.shell("LC_ALL=C sort '\(input)'/part-m-* > '\(directory)/terasort-sort.txt'")
        Bench.figure("terasort.lc_all_c_sort", megabytes / sortSeconds, "MB/s")
        Bench.figure("terasort.speedup_vs_sort", sortSeconds / engineSeconds, "x", decimals: 2)
        try Bench.remove("\(directory)/terasort-sort.txt")
        try Bench.remove(output)
    }

    /// Checks that the part files, read in order, hold keys in order.
    static func checkSorted(_ output: String) throws {
        let parts = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix("part-") }.sorted()
        var previous = [UInt8](repeating: 0, count: 10)
        var records = 0
        for part in parts {
            guard let data = FileManager.default.contents(atPath: "\(output)/\(part)") else { throw BenchError("cannot read \(part)") }
            try data.withUnsafeBytes { bytes in
                var offset = 0
                while offset + 100 <= bytes.count {
                    let key = bytes[offset..<(offset + 10)]
                    if key.lexicographicallyPrecedes(previous) { throw BenchError("terasort output out of order at record \(records) of \(part)") }
                    previous = Array(key)
                    offset += 100
                    records += 1
                }
            }
        }
        Bench.figure("terasort.records_checked", Double(records), "records", decimals: 0)
    }
}
