import Foundation
import MapReduce

/// Helpers shared by the benchmarks: timing, shell baselines, figures.
enum Bench {
    /// Prints one figure as `name: value unit`.
    static func figure(_ name: String, _ value: Double, _ unit: String, decimals: Int = 1) {
        print("\(name): \(String(format: "%.\(decimals)f", value)) \(unit)")
        fflush(nil)
    }

    /// Seconds taken by `body`.
    /// Removes `path` and everything under it; a path that is not there is fine.
    static func remove(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw BenchError("cannot remove \(path) (\(error)); delete it by hand and run the benchmark again")
        }
    }

    /// Removes a launcher's scratch space, warning on the error stream when it
    /// stays behind: a benchmark's figures are still good, the disk is not.
    static func cleanUp(_ launcher: LocalTaskLauncher) {
        do {
            try launcher.cleanUp()
        } catch {
            FileHandle.standardError.write(Data("warning: scratch space left behind (\(error)); delete it by hand\n".utf8))
        }
    }

    static func time(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Runs a shell command and returns the seconds it took; throws if it fails.
    static func shell(_ command: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("baseline failed (\(process.terminationStatus)): \(command)") }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// CPU seconds (user + system) this process has used so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The process's peak resident memory in MiB.
    static func peakResidentMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Parses sizes like `1G`, `256M`, `10000`.
    static func size(_ text: String) throws -> Int64 {
        let upper = text.uppercased()
        let scales: [(String, Int64)] = [("GIB", 1 << 30), ("MIB", 1 << 20), ("KIB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)]
        for (suffix, scale) in scales where upper.hasSuffix(suffix) {
            if let number = Double(upper.dropLast(suffix.count)) { return Int64(number * Double(scale)) }
        }
        guard let plain = Int64(upper) else { throw BenchError("'\(text)' is not a size; write e.g. 1G, 256M or 10000") }
        return plain
    }

    /// The directory for generated benchmark inputs.
    static func dataDirectory() throws -> String {
        let path = ProcessInfo.processInfo.environment["MINIPROC_BENCH_DIR"] ?? FileManager.default.currentDirectoryPath + "/bench-data"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
