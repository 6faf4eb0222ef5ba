import Foundation
import MapReduce
import Testing
@testable import Jobs

struct QuasiMonteCarloTests {
    /// Radical inverse of `index` in `base`: the textbook Halton coordinate, computed independently.
    static func radicalInverse(_ index: Int64, base: Int64) -> Double {
        var result = 0.0
        var fraction = 1.0 / Double(base)
        var i = index
        while i > 0 {
            result += Double(i % base) * fraction
            i /= base
            fraction /= Double(base)
        }
        return result
    }

    @Test func haltonPointsAreTheRadicalInversesInBases2And3() {
        var sequence = HaltonSequence(start: 0)
        for index in Int64(1)...2000 {
            let point = sequence.nextPoint()
            #expect(abs(point.x - Self.radicalInverse(index, base: 2)) < 1e-12)
            #expect(abs(point.y - Self.radicalInverse(index, base: 3)) < 1e-12)
        }
    }

    /// Base 3 is not exact in binary, so a sequence started midway agrees with one
    /// stepped there to rounding, not bit for bit — as in Hadoop, whose maps start midway too.
    @Test func aSequenceStartedMidwayContinuesTheSameSequence() {
        var whole = HaltonSequence(start: 0)
        for _ in 0..<777 { _ = whole.nextPoint() }
        var resumed = HaltonSequence(start: 777)
        for _ in 0..<500 {
            let a = whole.nextPoint()
            let b = resumed.nextPoint()
            #expect(a.x == b.x)
            #expect(abs(a.y - b.y) < 1e-12)
        }
    }

    @Test(arguments: [
        (Int64(7852), Int64(10_000), "3.14080000000000000000"),
        (Int64(1), Int64(3), "1.33333333333333333333"),
        (Int64(2), Int64(3), "2.66666666666666666667"),
        (Int64(10), Int64(10), "4.00000000000000000000"),
        (Int64(0), Int64(7), "0.00000000000000000000"),
    ])
    func estimatesPrintTwentyDecimalsRoundedHalfUp(inside: Int64, total: Int64, expected: String) {
        #expect(QuasiMonteCarlo.estimate(inside: inside, total: total) == expected)
    }

    /// Estimates Hadoop 2.x and 3.x print in published runs of the examples jar.
    @Test(arguments: [
        ("10", "1000", "3.14080000000000000000"),
        ("16", "1000", "3.14250000000000000000"),
        ("10", "100", "3.14800000000000000000"),
    ])
    func piPrintsHadoopsPublishedEstimates(maps: String, samples: String, expected: String) async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        let outcome = try await QuasiMonteCarlo.run(arguments: [maps, samples], configuration: JobsTestBed.configuration(), submitter: bed.submitter)
        #expect(outcome.messages == ["Estimated value of Pi is \(expected)"])
        let result = try #require(outcome.results.first)
        #expect(result.attempts.filter { $0.attempt.kind == .map }.count == Int(maps))
        // Its output went to a temporary directory that is gone.
        #expect(!FileManager.default.fileExists(atPath: result.outputPath))
    }

    @Test(arguments: [(3, Int64(2500)), (7, Int64(333))])
    func piMatchesASequentialCount(maps: Int, samples: Int64) async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        var inside: Int64 = 0
        for map in 0..<Int64(maps) { inside += QuasiMonteCarlo.count(start: map * samples, samples: samples).inside }
        let expected = QuasiMonteCarlo.estimate(inside: inside, total: Int64(maps) * samples)

        let outcome = try await QuasiMonteCarlo.run(arguments: [String(maps), String(samples)], configuration: JobsTestBed.configuration(), submitter: bed.submitter)

        #expect(outcome.messages == ["Estimated value of Pi is \(expected)"])
        #expect(expected.hasPrefix("3.1"))
    }
}

@Suite("Cancelling a long pi job")
struct PiCancellationTests {
    @Test("a cancelled pi job stops its maps in the middle of their one record", .timeLimit(.minutes(1)))
    func cancellingStopsAMapInTheMiddleOfItsOneRecord() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        let scratch = bed.path("scratch")
        // 10^12 samples per map would take hours: only cancellation inside the record ends it.
        let run = Task {
            try await QuasiMonteCarlo.run(arguments: ["2", "1000000000000"], configuration: JobConfiguration(), submitter: bed.submitter)
        }
        // Wait until a map attempt has started (its scratch directory exists), then cancel.
        while (try? FileManager.default.contentsOfDirectory(atPath: scratch))?.contains(where: { $0.contains("_m_") }) != true {
            await Task.yield()
        }
        run.cancel()
        await #expect(throws: (any Error).self) { _ = try await run.value }
    }
}
