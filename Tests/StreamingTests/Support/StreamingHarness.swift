import Foundation
import MapReduce
@testable import Streaming

/// A directory of its own for one test, removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = (NSTemporaryDirectory() as NSString).standardizingPath + "/streaming-test-\(UUID().uuidString.prefix(12))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Writes `text` to `path` (creating directories), executable when asked.
func write(_ text: String, to path: String, executable: Bool = false) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
}

/// Runs a streaming job with Hadoop's arguments on a two-slot local launcher.
func runStreaming(_ arguments: [String], in directory: String) async throws -> ProgramOutcome {
    let launcher = LocalTaskLauncher(parallelism: 2, scratchDirectory: directory + "/scratch-\(UUID().uuidString.prefix(6))")
    defer { try? launcher.cleanUp() }
    return try await HadoopStreaming.run(
        arguments: arguments, configuration: JobConfiguration(), submitter: RunnerSubmitter(runner: JobRunner(launcher: launcher))
    )
}

/// The files of an output directory and the lines of its part files, in part order.
struct StreamOutput {
    var names: [String]
    var lines: [String]

    init(_ path: String) throws {
        names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        lines = try names.filter { $0.hasPrefix("part-") }.flatMap { name -> [String] in
            let text = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }
}

/// The README's Python word count, from `Examples/streaming/`.
enum PythonWordCount {
    /// The repository's `Examples/streaming` directory.
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/streaming").path
    static var mapper: String { (try? String(contentsOfFile: examples + "/mapper.py", encoding: .utf8)) ?? "" }
    static var reducer: String { (try? String(contentsOfFile: examples + "/reducer.py", encoding: .utf8)) ?? "" }

    /// Writes both scripts into `directory`; returns their paths.
    static func install(in directory: String) throws -> (mapper: String, reducer: String) {
        try write(mapper, to: directory + "/mapper.py", executable: true)
        try write(reducer, to: directory + "/reducer.py", executable: true)
        return (directory + "/mapper.py", directory + "/reducer.py")
    }

    /// What the job must produce for `text`: `word<TAB>count`, words in byte order.
    static func oracle(_ text: String) -> [String] {
        var counts: [String: Int] = [:]
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) { counts[String(word), default: 0] += 1 }
        return counts.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { "\($0)\t\(counts[$0]!)" }
    }
}

/// A seeded corpus of `lines` lines of words.
func corpus(lines: Int, seed: UInt64) -> String {
    var state = seed
    let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "Λάμδα", "mu"]
    var text = ""
    for _ in 0..<lines {
        var line: [String] = []
        for _ in 0..<(3 + Int(state % 7)) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            line.append(words[Int((state >> 33) % UInt64(words.count))])
        }
        text += line.joined(separator: " ") + "\n"
    }
    return text
}

/// Whether a process with `pid` still exists (a zombie counts as gone).
func processIsAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    guard let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
}
