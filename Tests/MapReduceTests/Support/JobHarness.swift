import Foundation
import MapReduce

/// Runs `job` on a local launcher whose scratch space lives under `directory`.
func runJob(
    _ job: MapReduceJob,
    in directory: String,
    id: String = "test_0001",
    launcher wrap: ((LocalTaskLauncher) -> any TaskLauncher)? = nil
) async throws -> JobResult {
    let local = LocalTaskLauncher(parallelism: 2, scratchDirectory: directory + "/scratch")
    let launcher = wrap?(local) ?? local
    let outcome: Result<JobResult, any Error>
    do {
        outcome = .success(try await JobRunner(launcher: launcher).run(job, id: id))
    } catch {
        outcome = .failure(error)
    }
    try local.cleanUp()
    return try outcome.get()
}

/// A finished job's output directory, read back.
struct JobOutput {
    /// Every file name in the directory, sorted.
    var names: [String]
    /// The contents of every `part-*` file, by name.
    var parts: [String: [UInt8]]

    init(path: String) throws {
        names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        parts = [:]
        for name in names where name.hasPrefix("part-") {
            parts[name] = try readFile(path + "/" + name)
        }
    }

    /// The part file names, sorted.
    var partNames: [String] { parts.keys.sorted() }

    /// The text lines of one part file (`key<TAB>value`), in file order.
    func lines(_ name: String) -> [[UInt8]] {
        TextLines.split(parts[name] ?? [])
    }

    /// The text lines of every part file, sorted by bytes.
    var allLinesSorted: [[UInt8]] {
        partNames.flatMap { lines($0) }.sorted { $0.lexicographicallyPrecedes($1) }
    }
}

/// Helpers for `TextOutputFormat` lines.
enum TextLines {
    /// The lines of `bytes`, each without its LF; fails the format if the last byte is not an LF.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 10 {
            lines.append(Array(bytes[start..<index]))
            start = index + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        return lines
    }

    /// A line cut at its first tab into key and value.
    static func keyValue(_ line: [UInt8]) -> (key: [UInt8], value: [UInt8]) {
        guard let tab = line.firstIndex(of: 9) else { return (line, []) }
        return (Array(line[..<tab]), Array(line[(tab + 1)...]))
    }

    /// `key<TAB>value` as bytes.
    static func line(_ key: [UInt8], _ value: [UInt8]) -> [UInt8] {
        key + [9] + value
    }
}

/// Sorts byte strings in key order (unsigned bytes, shorter first on a common prefix).
func sortedBytes(_ values: [[UInt8]]) -> [[UInt8]] {
    values.sorted { $0.lexicographicallyPrecedes($1) }
}

/// The text form of a test-generated `String`, for building expected lines.
func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The error a job threw, as a `JobFailure`, or nil if it succeeded or threw something else.
func jobFailure(_ body: () async throws -> JobResult) async -> JobFailure? {
    do {
        _ = try await body()
        return nil
    } catch let failure as JobFailure {
        return failure
    } catch {
        return nil
    }
}

/// The part file name Hadoop gives task `n` (`part-r-00003`).
func partName(_ kind: Character, _ n: Int) -> String {
    let digits = String(n)
    return "part-\(kind)-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
}
