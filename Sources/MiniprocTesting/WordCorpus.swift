import MapReduce
import Foundation
import Jobs
import SeededRandom

/// Seeded text files for word-count tests, with the sequential answer to
/// compare a distributed run against.
public struct WordCorpus: Sendable {
    /// The input files' paths.
    public let files: [String]
    /// The expected `word<TAB>count` lines, sorted.
    public let expectedLines: [String]

    /// Writes `fileCount` files of `linesPerFile` lines under `directory`, from `seed`.
    public init(directory: String, fileCount: Int, linesPerFile: Int, seed: UInt64 = 42) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var generator = SeededGenerator(seed: seed)
        func next() -> UInt64 { generator.next() }
        let vocabulary = (0..<300).map { "w\($0)" } + ["the", "a", "cluster", "node", "yarn", "café", "données"]
        var counts: [String: Int] = [:]
        var paths: [String] = []
        for file in 0..<fileCount {
            var text = ""
            for _ in 0..<linesPerFile {
                let words = Int(next() % 12) + 1
                var line: [String] = []
                for _ in 0..<words {
                    // Skewed: low indices are far more common.
                    let pick = Int(next() % UInt64(vocabulary.count))
                    let word = vocabulary[pick % (next() % 2 == 0 ? 20 : vocabulary.count)]
                    line.append(word)
                    counts[word, default: 0] += 1
                }
                text += line.joined(separator: next() % 5 == 0 ? "\t" : " ") + (next() % 7 == 0 ? "\r\n" : "\n")
            }
            let path = "\(directory)/part-\(file).txt"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        files = paths
        expectedLines = counts.map { "\($0.key)\t\($0.value)" }.sorted()
    }

    /// The lines of every `part-*` file under `output`, sorted.
    public static func outputLines(_ output: String) throws -> [String] {
        let parts = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix("part-") }.sorted()
        var lines: [String] = []
        for part in parts {
            let text = try String(contentsOfFile: "\(output)/\(part)", encoding: .utf8)
            lines += text.split(separator: "\n").map(String.init)
        }
        return lines.sorted()
    }
}
