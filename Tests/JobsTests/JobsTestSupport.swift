import Foundation
import MapReduce
@testable import Jobs
import SeededRandom

/// A scratch directory for one test, with a submitter that runs jobs through
/// the real engine on two local slots.
struct JobsTestBed {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "jobs-tests-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Runs jobs with intermediate files under this directory.
    var submitter: RunnerSubmitter {
        RunnerSubmitter(runner: JobRunner(launcher: LocalTaskLauncher(parallelism: 2, scratchDirectory: root + "/scratch")))
    }

    /// Several reducers and small splits, so every program's jobs really shuffle between tasks.
    static func configuration(reduces: Int = 3, splitBytes: Int = 2048) -> JobConfiguration {
        JobConfiguration([ConfigKey.reduces: String(reduces), ConfigKey.splitMaxSize: String(splitBytes), ConfigKey.sortMB: "1"])
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes `bytes` to `relative`, creating directories on the way.
    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    /// The part files of an output directory, by name.
    func partFiles(_ relative: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(relative)).filter { $0.hasPrefix("part-") }.sorted()
    }

    /// The bytes of every part file of an output directory, concatenated in name order.
    func output(_ relative: String) throws -> String {
        var text = ""
        for file in try partFiles(relative) {
            text += try String(contentsOfFile: path(relative) + "/" + file, encoding: .utf8)
        }
        return text
    }

    /// The lines of every part file, sorted: part files are sorted each on their own.
    func sortedLines(_ relative: String) throws -> [String] {
        try output(relative).split(separator: "\n").map(String.init).sorted()
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// Seeded text for the text programs: words of a small vocabulary with a skewed
/// distribution (some non-ASCII), separated by spaces, tabs and runs of blanks,
/// in LF and CRLF lines.
enum TestText {
    static let vocabulary: [String] = {
        var words = ["the", "a", "of", "and", "to", "in", "is", "it", "map", "reduce", "hadoop", "swift",
                     "café", "naïve", "日本語", "𝄞clef", "x1", "x22", "foo-bar", "line."]
        var generator = SeededGenerator(seed: 42)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for _ in 0..<200 {
            let length = 2 + generator.next(below: 9)
            words.append(String((0..<length).map { _ in letters[generator.next(below: letters.count)] }))
        }
        return words
    }()

    /// About `lines` lines of text from `seed`.
    static func make(seed: UInt64, lines: Int) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        var text = ""
        for _ in 0..<lines {
            let words = generator.next(below: 12)
            for index in 0..<words {
                if index > 0 { text += [" ", " ", " ", "\t", "  "][generator.next(below: 5)] }
                // Squaring skews the choice toward the front of the list, like real text.
                let pick = generator.next(below: vocabulary.count)
                text += vocabulary[pick * pick / vocabulary.count]
            }
            text += generator.next(below: 10) == 0 ? "\r\n" : "\n"
        }
        return Array(text.utf8)
    }

    /// The lines of `text` as `LineRecordReader` reads them (LF or CRLF terminated).
    static func lines(_ text: [UInt8]) -> [[UInt8]] {
        var lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line -> [UInt8] in
            line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : Array(line)
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Java `StringTokenizer`'s tokens of `text`.
    static func tokens(_ text: [UInt8]) -> [[UInt8]] {
        let delimiters: Set<UInt8> = [32, 9, 10, 13, 12]
        return text.split(whereSeparator: { delimiters.contains($0) }).map(Array.init)
    }
}

/// A few input files, one nested, for the text programs.
struct TextCorpus {
    static let files = ["one.txt", "two.txt", "nested/three.txt", "nested/deeper/four.txt"]

    /// The files' bytes by relative path.
    let contents: [String: [UInt8]]

    /// Writes the corpus under `input` in `bed`.
    init(in bed: JobsTestBed, input: String, seed: UInt64, lines: Int = 300) throws {
        var contents: [String: [UInt8]] = [:]
        for (index, file) in Self.files.enumerated() {
            let text = TestText.make(seed: seed &+ UInt64(index), lines: lines + index * 37)
            contents[file] = text
            try bed.write(input + "/" + file, text)
        }
        self.contents = contents
    }

    var allText: [UInt8] { Self.files.flatMap { contents[$0] ?? [] } }
}
