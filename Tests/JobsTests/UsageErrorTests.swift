import MapReduce
import Testing
@testable import Jobs

struct UsageErrorTests {
    static let cases: [(program: any JobProgram.Type, arguments: [String])] = [
        (WordCount.self, ["in"]),
        (WordMean.self, ["in"]),
        (WordMean.self, ["in", "out", "extra"]),
        (Grep.self, ["in", "out"]),
        (Grep.self, ["in", "out", "("]),
        (Grep.self, ["in", "out", "a(b)", "2"]),
        (Grep.self, ["in", "out", "a", "one"]),
        (Grep.self, ["in", "out", "a", "0", "extra"]),
        (QuasiMonteCarlo.self, ["10"]),
        (QuasiMonteCarlo.self, ["ten", "1000"]),
        (QuasiMonteCarlo.self, ["0", "1000"]),
        (QuasiMonteCarlo.self, ["10", "-5"]),
        (RandomTextWriter.self, []),
        (RandomTextWriter.self, ["-outFormat"]),
        (RandomTextWriter.self, ["-outFormat", "com.example.Custom", "out"]),
        (InvertedIndex.self, ["in"]),
        (TeraValidate.self, ["in"]),
    ]

    @Test(arguments: cases.indices)
    func badArgumentsGiveAUsageError(index: Int) async throws {
        let (program, arguments) = Self.cases[index]
        let bed = try JobsTestBed()
        defer { bed.remove() }
        do {
            _ = try await program.run(arguments: arguments, configuration: JobConfiguration(), submitter: bed.submitter)
            Issue.record("\(program.name) \(arguments) ran")
        } catch let error as UsageError {
            #expect(error.message.hasSuffix("\nUsage: \(program.usage)"))
            #expect(error.message.hasPrefix("Usage:") == false)
        }
    }

    @Test func randomtextwriterRefusesZeroBytesPerMap() async throws {
        let bed = try JobsTestBed()
        defer { bed.remove() }
        await #expect(throws: UsageError.self) {
            _ = try await RandomTextWriter.run(arguments: [bed.path("out")], configuration: JobConfiguration([RandomTextWriter.bytesPerMapKey: "0"]), submitter: bed.submitter)
        }
    }
}
