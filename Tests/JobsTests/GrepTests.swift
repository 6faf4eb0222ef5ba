import Foundation
import MapReduce
import Testing
@testable import Jobs

struct GrepTests {
    /// Counts of every match (or group) of `pattern` over every line, sequentially.
    static func reference(_ corpus: TextCorpus, pattern: String, group: Int) throws -> [String: Int] {
        let expression = try NSRegularExpression(pattern: pattern)
        var counts: [String: Int] = [:]
        for file in TextCorpus.files {
            for line in TestText.lines(corpus.contents[file] ?? []) {
                let text = String(decoding: line, as: UTF8.self)
                for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    guard let range = Range(match.range(at: group), in: text) else { continue }
                    counts[String(text[range]), default: 0] += 1
                }
            }
        }
        return counts
    }

    @Test(arguments: [("x[0-9]+|caf.", 0), ("\\b(t\\w*)e\\b", 1), ("(m)(a)p", 2)])
    func grepMatchesASequentialSearchHighestCountFirst(pattern: String, group: Int) async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        let corpus = try TextCorpus(in: bed, input: "in", seed: 21)
        let counts = try Self.reference(corpus, pattern: pattern, group: group)
        #expect(!counts.isEmpty)

        let arguments = [bed.path("in"), bed.path("out"), pattern] + (group == 0 ? [] : [String(group)])
        let outcome = try await Grep.run(arguments: arguments, configuration: JobsTestBed.configuration(), submitter: bed.submitter)

        #expect(outcome.results.map(\.name) == ["grep-search", "grep-sort"])
        #expect(try bed.partFiles("out") == ["part-r-00000"])
        let lines = try bed.output("out").split(separator: "\n").map(String.init)
        #expect(lines.sorted() == counts.map { "\($0.value)\t\($0.key)" }.sorted())
        let order = lines.compactMap { Int($0.split(separator: "\t")[0]) }
        #expect(order == order.sorted(by: >))
        // The search output went to a temporary directory next to OUT, now gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: bed.root).allSatisfy { !$0.hasPrefix("grep-temp-") })
    }

    @Test func grepRemovesItsTemporaryDirectoryWhenTheSortFails() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        _ = try TextCorpus(in: bed, input: "in", seed: 22, lines: 20)
        try FileManager.default.createDirectory(atPath: bed.path("out"), withIntermediateDirectories: true)
        await #expect(throws: JobFailure.self) {
            _ = try await Grep.run(arguments: [bed.path("in"), bed.path("out"), "a"], configuration: JobsTestBed.configuration(), submitter: bed.submitter)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: bed.root).allSatisfy { !$0.hasPrefix("grep-temp-") })
    }
}
