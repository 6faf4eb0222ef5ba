import Foundation
import MapReduce
import Testing
@testable import Jobs
import SeededRandom

struct TeraValidateTests {
    /// Bit-at-a-time CRC-32 (IEEE), the definition the table-driven one must equal.
    static func referenceCRC(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// `count` seeded 100-byte records: keys over the whole byte range, so signed comparison would fail.
    static func records(count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in (0..<100).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
    }

    /// Writes `files` of records as `part-r-NNNNN` under `directory`.
    static func write(_ files: [[[UInt8]]], to directory: String, in bed: JobsTestBed) throws {
        for (index, records) in files.enumerated() {
            try bed.write(directory + "/" + String(format: "part-r-%05d", index), records.flatMap { $0 })
        }
        try bed.write(directory + "/_SUCCESS", [])
    }

    static func checksum(_ records: [[UInt8]]) -> String {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for record in records {
            let (sum, overflow) = low.addingReportingOverflow(UInt64(referenceCRC(record)))
            low = sum
            if overflow { high += 1 }
        }
        let lowHex = String(low, radix: 16)
        return high == 0 ? lowHex : String(high, radix: 16) + String(repeating: "0", count: 16 - lowHex.count) + lowHex
    }

    static func sortedFiles(seed: UInt64, sizes: [Int]) -> [[[UInt8]]] {
        let all = records(count: sizes.reduce(0, +), seed: seed).sorted { $0[..<10].lexicographicallyPrecedes($1[..<10]) }
        var files: [[[UInt8]]] = []
        var start = 0
        for size in sizes {
            files.append(Array(all[start..<(start + size)]))
            start += size
        }
        return files
    }

    @Test(arguments: ["", "a", "123456789", "The quick brown fox jumps over the lazy dog"])
    func crc32MatchesTheBitwiseDefinition(text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes { CRC32.checksum($0) } == Self.referenceCRC(bytes))
        if text == "123456789" { #expect(Self.referenceCRC(bytes) == 0xCBF4_3926) }
    }

    @Test func checksumCarriesIntoTheHighWordAndPrintsLikeUnsigned16() {
        var checksum = RecordChecksum()
        checksum.add(UInt64.max)
        checksum.add(2)
        #expect(checksum.hex == "10000000000000001")
        var other = RecordChecksum()
        other.add(0xff)
        #expect(other.hex == "ff")
        let bytes = checksum.bytes
        #expect(bytes.withUnsafeBytes { RecordChecksum(bytes: $0) } == checksum)
    }

    @Test func sortedInputGivesTheChecksumAlone() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        let files = Self.sortedFiles(seed: 5, sizes: [120, 0, 75, 200])
        try Self.write(files, to: "sorted", in: bed)

        let outcome = try await TeraValidate.run(arguments: [bed.path("sorted"), bed.path("report")], configuration: JobsTestBed.configuration(), submitter: bed.submitter)

        #expect(try bed.output("report") == "checksum\t\(Self.checksum(files.flatMap { $0 }))\n")
        // One map per file however small the splits, one reducer.
        let attempts = try #require(outcome.results.first).attempts
        #expect(attempts.filter { $0.attempt.kind == .map }.count == 4)
        #expect(try bed.partFiles("report") == ["part-r-00000"])
    }

    @Test func aMisorderWithinAFileIsReportedInHadoopsWords() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        var files = Self.sortedFiles(seed: 6, sizes: [50, 60])
        files[1].swapAt(10, 11)
        try Self.write(files, to: "unsorted", in: bed)

        _ = try await TeraValidate.run(arguments: [bed.path("unsorted"), bed.path("report")], configuration: JobsTestBed.configuration(), submitter: bed.submitter)

        let hex = { (record: [UInt8]) in record[..<10].map { String(format: "%02x", $0) }.joined(separator: " ") }
        #expect(try bed.output("report") == """
            checksum\t\(Self.checksum(files.flatMap { $0 }))
            error\tmisorder in part-r-00001 between \(hex(files[1][10])) and \(hex(files[1][11]))

            """)
    }

    @Test func filesOutOfOrderAreReportedAsBadKeyPartitioning() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        let sorted = Self.sortedFiles(seed: 7, sizes: [40, 40, 40])
        let files = [sorted[0], sorted[2], sorted[1]]
        try Self.write(files, to: "swapped", in: bed)

        _ = try await TeraValidate.run(arguments: [bed.path("swapped"), bed.path("report")], configuration: JobsTestBed.configuration(), submitter: bed.submitter)

        let hex = { (record: [UInt8]) in record[..<10].map { String(format: "%02x", $0) }.joined(separator: " ") }
        #expect(try bed.output("report") == """
            checksum\t\(Self.checksum(files.flatMap { $0 }))
            error\tbad key partitioning:
              file part-r-00001:end key \(hex(files[1][39]))
              file part-r-00002:begin key \(hex(files[2][0]))

            """)
    }

    @Test func inputThatIsNotWholeRecordsIsRefused() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        try bed.write("bad/part-r-00000", [UInt8](repeating: 1, count: 150))
        await #expect(throws: JobFailure.self) {
            _ = try await TeraValidate.run(arguments: [bed.path("bad"), bed.path("report")], configuration: JobsTestBed.configuration(), submitter: bed.submitter)
        }
    }
}
