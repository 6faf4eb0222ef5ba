import Foundation
import MapReduce
import Testing
@testable import Jobs

@Suite("TeraGen, TeraSort and TeraValidate together")
struct TeraSortTests {
    private func records(_ bed: JobsTestBed, _ relative: String) throws -> [[UInt8]] {
        var all: [[UInt8]] = []
        for file in try bed.partFiles(relative) {
            let data = try Data(contentsOf: URL(fileURLWithPath: bed.path(relative) + "/" + file))
            #expect(data.count % TeraRecord.length == 0, "\(file) holds whole records")
            var offset = 0
            while offset < data.count {
                all.append(Array(data[offset..<(offset + TeraRecord.length)]))
                offset += TeraRecord.length
            }
        }
        return all
    }

    @Test("teragen writes ROWS records whose rows do not depend on how many maps wrote them", arguments: ["binary", "ascii"])
    func teragenIsReproducibleAcrossMapCounts(form: String) async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        for maps in [1, 3] {
            let configuration = JobConfiguration([TeraGen.formatKey: form, ConfigKey.maps: String(maps)])
            _ = try await TeraGen.run(arguments: ["1000", bed.path("gen\(maps)")], configuration: configuration, submitter: bed.submitter)
        }
        let one = try records(bed, "gen1")
        let three = try records(bed, "gen3")
        #expect(one.count == 1000)
        #expect(one == three)
        // Row numbers are the 32 hex digits at bytes 12..<44.
        #expect(String(decoding: one[999][12..<44], as: UTF8.self) == String(repeating: "0", count: 29) + "3E7")
        if form == "ascii" {
            #expect(one.allSatisfy { $0[98] == 13 && $0[99] == 10 && $0[0..<10].allSatisfy { (32...126).contains($0) } })
        } else {
            #expect(one.allSatisfy { $0[10] == 0x00 && $0[11] == 0x11 && $0[96...] == [0xCC, 0xDD, 0xEE, 0xFF] })
        }
        #expect(Set(one.map { Array($0[0..<10]) }).count > 990, "keys are random")
    }

    @Test("terasort's part files, read in order, hold the input sorted by key", arguments: [1, 2, 5])
    func terasortSortsGlobally(reduces: Int) async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        _ = try await TeraGen.run(arguments: ["3000", bed.path("in")], configuration: JobConfiguration([ConfigKey.maps: "3"]), submitter: bed.submitter)
        let configuration = JobConfiguration([ConfigKey.reduces: String(reduces), ConfigKey.splitMaxSize: "20000", ConfigKey.sortMB: "1"])
        let outcome = try await TeraSort.run(arguments: [bed.path("in"), bed.path("out")], configuration: configuration, submitter: bed.submitter)
        #expect(try bed.partFiles("out").count == reduces)
        let input = try records(bed, "in")
        let output = try records(bed, "out")
        let expected = input.sorted { $0[0..<10].lexicographicallyPrecedes($1[0..<10]) }
        #expect(output.map { Array($0[0..<10]) } == expected.map { Array($0[0..<10]) })
        #expect(Set(output) == Set(input), "records keep their values")
        #expect(outcome.results.first?.counters[.reduceOutputRecords] == 3000)

        _ = try await TeraValidate.run(arguments: [bed.path("out"), bed.path("report")], configuration: JobConfiguration(), submitter: bed.submitter)
        let report = try bed.output("report")
        #expect(report.hasPrefix("checksum\t"))
        #expect(!report.contains("error"))
    }

    @Test("the total-order partitioner sends keys below, between and above the cut points to the right reducers")
    func totalOrderPartitioner() throws {
        let partitioner = try TotalOrderPartitioner(cutPoints: [Array("bbbbbbbbbb".utf8), Array("bbbbbbbbbc".utf8), Array("m".utf8)])
        func part(_ key: String) -> Int { Array(key.utf8).withUnsafeBytes { partitioner.partition(key: $0, partitions: 4) } }
        #expect(part("a") == 0)
        #expect(part("bbbbbbbbba") == 0)
        #expect(part("bbbbbbbbbb") == 1)
        #expect(part("bbbbbbbbbbz") == 1)
        #expect(part("bbbbbbbbbc") == 2)
        #expect(part("l") == 2)
        #expect(part("m") == 3)
        #expect(part("zzz") == 3)
    }

    @Test("teragen and terasort reject bad arguments with their usage", arguments: [["10"], ["ten", "out"], ["-5", "out"]])
    func teragenUsage(arguments: [String]) async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        await #expect(throws: UsageError.self) {
            _ = try await TeraGen.run(arguments: arguments, configuration: JobConfiguration(), submitter: bed.submitter)
        }
    }

    @Test("every library program is found by its examples name and by its Hadoop class")
    func libraryLookup() {
        for program in JobLibrary.programs {
            #expect(JobLibrary.program(named: program.name) == program)
            #expect(JobLibrary.program(named: program.hadoopClass) == program)
        }
        #expect(JobLibrary.program(named: "sort") == nil)
        #expect(UnknownProgram(name: "sort").description.contains("wordcount"))
    }
}
