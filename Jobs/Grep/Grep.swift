import Foundation
import MapReduce

/// Counts the matches of a regular expression in text files, like Hadoop's `Grep`.
///
/// Two jobs: `grep-search` emits every match of `REGEX` (or of its capture
/// group `GROUP`) in every line with a count of 1 and sums them, into a
/// `grep-temp-N` directory next to `OUT` that is removed afterwards, whether
/// the jobs succeed or not; `grep-sort` swaps each `(match, count)` to
/// `(count, match)` and sorts by decreasing count into one reducer, so `OUT`
/// holds `count<TAB>match` lines, highest count first.
///
/// Patterns are ICU regular expressions (`NSRegularExpression`), where Hadoop
/// uses `java.util.regex`. The two agree on the common syntax (classes,
/// quantifiers, groups, look-around, `\b`, `\d`, `\p{L}`); they differ at the
/// edges: Java-only classes such as `\p{javaLowerCase}` are rejected, ICU's
/// `\N{NAME}` and set operations inside `[...]` are accepted, and lines are
/// matched as UTF-16 text decoded from UTF-8, as Java does.
public enum Grep: JobProgram {
    public static let name = "grep"
    public static let hadoopClass = "org.apache.hadoop.examples.Grep"
    public static let summary = "A map/reduce program that counts the matches of a regex in the input."
    public static let usage = "grep <inDir> <outDir> <regex> [<group>]"

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        guard arguments.count == 3 || arguments.count == 4 else {
            throw UsageError(self, "grep needs an input, an output, a regex and optionally a group, got \(arguments.count) arguments")
        }
        let pattern = arguments[2]
        let expression: NSRegularExpression
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            throw UsageError(self, "'\(pattern)' is not a valid regular expression")
        }
        var group = 0
        if arguments.count == 4 {
            group = try ArgumentParsing.integer(arguments[3], as: Int.self, argument: "<group>", in: 0...Int(Int32.max), for: self)
            guard group <= expression.numberOfCaptureGroups else {
                throw UsageError(self, "'\(pattern)' has \(expression.numberOfCaptureGroups) capture groups, so <group> cannot be \(group)")
            }
        }
        let output = LocalPath.resolve(arguments[1])
        let scratch = ScratchDirectory(prefix: "grep-temp-", in: (output as NSString).deletingLastPathComponent)
        return try await scratch.removing {
            let search = try await submitter.submit(makeSearchJob(input: arguments[0], output: scratch.path, pattern: pattern, group: group, configuration: configuration))
            let sort = try await submitter.submit(makeSortJob(input: scratch.path, output: output, configuration: configuration))
            return ProgramOutcome(results: [search, sort])
        }
    }

    /// `grep-search`: `(match, count)` over `input`, summed, into `output`.
    static func makeSearchJob(input: String, output: String, pattern: String, group: Int, configuration: JobConfiguration) -> MapReduceJob {
        MapReduceJob(
            name: "grep-search",
            configuration: configuration,
            input: TextInputFormat(paths: [input]),
            mapper: { RegexMapper(pattern: pattern, group: group) },
            combiner: { LongSumReducer() },
            reducer: { LongSumReducer() },
            output: OutputSpec(path: output)
        )
    }

    /// `grep-sort`: the search output's `match<TAB>count` lines as `count<TAB>match`,
    /// highest count first, in a single part file.
    static func makeSortJob(input: String, output: String, configuration: JobConfiguration) -> MapReduceJob {
        MapReduceJob(
            name: "grep-sort",
            configuration: configuration.merging([ConfigKey.reduces: "1"]),
            input: TextInputFormat(paths: [input]),
            mapper: { InverseCountMapper() },
            reducer: { CountFirstReducer() },
            output: OutputSpec(path: output)
        )
    }
}

/// Emits `(match, 1)` for every match of a pattern in a line, like Hadoop's `RegexMapper`.
struct RegexMapper: Mapper {
    let pattern: String
    let group: Int
    private var expression: NSRegularExpression?
    private var one = Int64.encodedBits(1)

    init(pattern: String, group: Int) {
        self.pattern = pattern
        self.group = group
    }

    mutating func setup(context: TaskContext) throws {
        // Compiled per attempt: the pattern was checked before the job was submitted.
        expression = try NSRegularExpression(pattern: pattern)
    }

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        guard let expression else { return }
        let line = String(decoding: record.value, as: UTF8.self)
        let text = line as NSString
        for match in expression.matches(in: line, range: NSRange(location: 0, length: text.length)) {
            let range = match.range(at: group)
            // A group that took no part in the match has no text; Java would fail on its null.
            guard range.location != NSNotFound else { continue }
            var matched = text.substring(with: range)
            try matched.withUTF8 { key in
                try withUnsafeBytes(of: &one) { try output.emit(key: UnsafeRawBufferPointer(key), value: $0) }
            }
        }
    }
}

/// Turns a `match<TAB>count` line into `(count, match)` with a descending key,
/// like Hadoop's `InverseMapper` under `LongWritable.DecreasingComparator`.
struct InverseCountMapper: Mapper {
    private var key: [UInt8] = []

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        let line = record.value
        // The count follows the last tab: matches may hold tabs, counts never do.
        guard let tab = line.lastIndex(of: UInt8(ascii: "\t")),
              let count = DecimalText.parse(UnsafeRawBufferPointer(rebasing: line[(tab + 1)...])) else {
            throw InputError("grep-sort expects 'match<TAB>count' lines, got '\(String(decoding: line, as: UTF8.self))'")
        }
        key.removeAll(keepingCapacity: true)
        DescendingInt64(count).encode(into: &key)
        try key.withUnsafeBytes { try output.emit(key: $0, value: UnsafeRawBufferPointer(rebasing: line[..<tab])) }
    }
}

/// Writes `count<TAB>match` for every match under its descending count key.
struct CountFirstReducer: Reducer {
    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        let count = DescendingInt64(decoding: key)
        while let match = values.next() {
            try output.emit(count, Bytes(Array(match)))
        }
    }
}
