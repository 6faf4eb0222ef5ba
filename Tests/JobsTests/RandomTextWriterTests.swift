import Foundation
import MapReduce
import Testing
@testable import Jobs

struct RandomTextWriterTests {
    static func configuration(total: Int, perMap: Int) -> JobConfiguration {
        JobsTestBed.configuration().merging([
            RandomTextWriter.totalBytesKey: String(total), RandomTextWriter.bytesPerMapKey: String(perMap),
        ])
    }

    @Test func defaultsAreHadoops() throws {
        let plan = try RandomTextWriter.plan(configuration: JobConfiguration())
        #expect(plan == RandomTextWriter.Plan(maps: 10, bytesPerMap: 1 << 30, keyWords: 5..<10, valueWords: 10..<100))
    }

    @Test func lessThanAMapOfBytesMakesOneMapOfThatSize() throws {
        let plan = try RandomTextWriter.plan(configuration: Self.configuration(total: 5000, perMap: 1 << 20))
        #expect(plan.maps == 1 && plan.bytesPerMap == 5000)
    }

    @Test func theVocabularyHasAThousandDistinctWords() {
        #expect(RandomWords.all.count == 1000 && Set(RandomWords.all).count == 1000)
        #expect(RandomWords.all.allSatisfy { !$0.isEmpty && !$0.contains(UInt8(ascii: " ")) })
    }

    @Test func eachMapWritesItsSeededSentencesUntilItHasItsBytes() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        let perMap = 6000
        let outcome = try await RandomTextWriter.run(arguments: [bed.path("out")], configuration: Self.configuration(total: 3 * perMap, perMap: perMap), submitter: bed.submitter)

        #expect(try bed.partFiles("out") == ["part-m-00000", "part-m-00001", "part-m-00002"])
        let plan = try RandomTextWriter.plan(configuration: Self.configuration(total: 3 * perMap, perMap: perMap))
        let vocabulary = Set(RandomWords.all.map { String(decoding: $0, as: UTF8.self) })
        var totalRecords = 0
        for (map, file) in try bed.partFiles("out").enumerated() {
            let text = try String(contentsOfFile: bed.path("out/" + file), encoding: .utf8)
            var expected = ""
            RandomTextWriter.generate(map: Int64(map), plan: plan) { key, value in
                expected += String(decoding: key, as: UTF8.self) + "\t" + String(decoding: value, as: UTF8.self) + "\n"
            }
            #expect(text == expected)
            var bytes = 0
            var lastRecord = 0
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
                #expect(parts.count == 2)
                let keyWords = parts[0].split(separator: " ")
                let valueWords = parts[1].split(separator: " ")
                #expect(parts[0].hasSuffix(" ") && parts[1].hasSuffix(" "))
                #expect((5..<10).contains(keyWords.count) && (10..<100).contains(valueWords.count))
                #expect((keyWords + valueWords).allSatisfy { vocabulary.contains(String($0)) })
                lastRecord = parts[0].utf8.count + parts[1].utf8.count
                bytes += lastRecord
                totalRecords += 1
            }
            #expect(bytes >= perMap && bytes - lastRecord < perMap)
        }
        let counters = try #require(outcome.results.first).counters
        #expect(counters[RandomTextWriter.counterGroup, "RECORDS_WRITTEN"] == Int64(totalRecords))
    }

    @Test func outputIsTheSameOnEveryRunAndDiffersBetweenMaps() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        let configuration = Self.configuration(total: 4000, perMap: 2000)
        _ = try await RandomTextWriter.run(arguments: [bed.path("a")], configuration: configuration, submitter: bed.submitter)
        _ = try await RandomTextWriter.run(arguments: ["-outFormat", "org.apache.hadoop.mapreduce.lib.output.TextOutputFormat", bed.path("b")],
                                           configuration: configuration, submitter: bed.submitter)
        #expect(try bed.output("a") == bed.output("b"))
        let first = try String(contentsOfFile: bed.path("a/part-m-00000"), encoding: .utf8)
        let second = try String(contentsOfFile: bed.path("a/part-m-00001"), encoding: .utf8)
        #expect(first != second)
    }
}
