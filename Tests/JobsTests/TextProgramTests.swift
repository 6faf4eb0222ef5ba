import Foundation
import MapReduce
import Testing
@testable import Jobs

/// wordcount, wordmean and invertedindex against sequential references on seeded text.
struct TextProgramTests {
    @Test(arguments: [1, 3])
    func wordcountMatchesASequentialCount(reduces: Int) async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        let corpus = try TextCorpus(in: bed, input: "in", seed: 7)
        var counts: [String: Int] = [:]
        for token in TestText.tokens(corpus.allText) { counts[String(decoding: token, as: UTF8.self), default: 0] += 1 }

        let outcome = try await WordCount.run(arguments: [bed.path("in"), bed.path("out")],
                                              configuration: JobsTestBed.configuration(reduces: reduces), submitter: bed.submitter)

        #expect(try bed.sortedLines("out") == counts.map { "\($0.key)\t\($0.value)" }.sorted())
        #expect(try bed.partFiles("out").count == reduces)
        #expect(outcome.results.count == 1)
    }

    @Test func wordcountPartFilesAreEachSortedByKeyBytes() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        _ = try TextCorpus(in: bed, input: "in", seed: 8)
        _ = try await WordCount.run(arguments: [bed.path("in"), bed.path("out")], configuration: JobsTestBed.configuration(), submitter: bed.submitter)
        for file in try bed.partFiles("out") {
            let text = try String(contentsOfFile: bed.path("out/" + file), encoding: .utf8)
            let keys = text.split(separator: "\n").map { Array($0.split(separator: "\t")[0].utf8) }
            #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }

    @Test func wordmeanMatchesASequentialMeanInUTF16Units() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        let corpus = try TextCorpus(in: bed, input: "in", seed: 11)
        let tokens = TestText.tokens(corpus.allText)
        let length = tokens.reduce(0) { $0 + String(decoding: $1, as: UTF8.self).utf16.count }

        let outcome = try await WordMean.run(arguments: [bed.path("in"), bed.path("out")], configuration: JobsTestBed.configuration(), submitter: bed.submitter)

        #expect(try bed.sortedLines("out") == ["count\t\(tokens.count)", "length\t\(length)"])
        #expect(outcome.messages == ["The mean is: \(Double(length) / Double(tokens.count))"])
    }

    @Test func wordmeanOfNoWordsIsNaNAsJavaPrintsIt() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        try bed.write("in/blank.txt", Array(" \n\t\n".utf8))
        let outcome = try await WordMean.run(arguments: [bed.path("in"), bed.path("out")], configuration: JobsTestBed.configuration(), submitter: bed.submitter)
        #expect(outcome.messages == ["The mean is: NaN"])
    }

    @Test(arguments: [
        (3.5, "3.5"), (4.0, "4.0"), (10_000_000.0, "1.0E7"), (0.0005, "5.0E-4"), (123.456, "123.456"), (0.001, "0.001"), (1.5e20, "1.5E20"),
    ])
    func javaDoublePrintsAsJava(value: Double, expected: String) {
        #expect(JavaDouble.string(value) == expected)
    }

    @Test func invertedindexListsSortedDistinctRelativeFiles() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        let corpus = try TextCorpus(in: bed, input: "in", seed: 13, lines: 120)
        var files: [String: Set<String>] = [:]
        for (file, text) in corpus.contents {
            for token in TestText.tokens(text) { files[String(decoding: token, as: UTF8.self), default: []].insert(file) }
        }
        let expected = files.map { "\($0.key)\t\($0.value.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.joined(separator: ","))" }.sorted()

        let outcome = try await InvertedIndex.run(arguments: [bed.path("in"), bed.path("out")], configuration: JobsTestBed.configuration(), submitter: bed.submitter)

        #expect(try bed.sortedLines("out") == expected)
        #expect(expected.contains { $0.contains("nested/deeper/four.txt") })
        // The combiner de-duplicates on the map side: fewer records reach the reducers than the maps emitted.
        let counters = try #require(outcome.results.first).counters
        #expect(counters[.reduceInputRecords] < counters[.mapOutputRecords])
    }
}
