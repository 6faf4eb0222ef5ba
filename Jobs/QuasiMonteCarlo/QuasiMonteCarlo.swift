import Foundation
import MapReduce

/// Estimates π with a quasi-Monte Carlo method, like Hadoop's `QuasiMonteCarlo`
/// (the examples jar's `pi`).
///
/// Map `i` of `nMaps` takes the `nSamples` Halton points from index
/// `i × nSamples + 1` and counts those inside the circle inscribed in the unit
/// square ((x−½)² + (y−½)² ≤ ¼) and those outside; one reducer sums the counts
/// into a temporary directory, removed afterwards; the program prints
/// `Estimated value of Pi is E` with E = 4 × inside / total to 20 decimal
/// places, rounded half up, as Hadoop's `BigDecimal` arithmetic prints it.
/// The job's output lines are `inside<TAB>N` and `outside<TAB>N` (Hadoop writes
/// a SequenceFile of booleans instead). The maps' work comes from generated
/// input rather than from one-record input files.
public enum QuasiMonteCarlo: JobProgram {
    public static let name = "pi"
    public static let hadoopClass = "org.apache.hadoop.examples.QuasiMonteCarlo"
    public static let summary = "A map/reduce program that estimates Pi using a quasi-Monte Carlo method."
    public static let usage = "pi <nMaps> <nSamples>"

    public static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome {
        guard arguments.count == 2 else { throw UsageError(self, "pi needs a number of maps and a number of samples per map, got \(arguments.count) arguments") }
        let maps = try ArgumentParsing.integer(arguments[0], as: Int.self, argument: "<nMaps>", in: 1...Int(Int32.max), for: self)
        let samples = try ArgumentParsing.integer(arguments[1], as: Int64.self, argument: "<nSamples>", in: 1...Int64.max, for: self)
        guard samples.multipliedReportingOverflow(by: Int64(maps)).overflow == false else {
            throw UsageError(self, "<nMaps> × <nSamples> must fit in a 64-bit integer, got \(maps) × \(samples)")
        }
        let scratch = ScratchDirectory(prefix: "QuasiMonteCarlo_\(Int64(Date().timeIntervalSince1970 * 1000))_", in: NSTemporaryDirectory())
        let job = makeJob(maps: maps, samples: samples, output: scratch.path + "/out", configuration: configuration)
        return try await scratch.removing {
            let result = try await submitter.submit(job)
            var inside: Int64 = 0
            for line in try OutputFiles.keyValueLines(in: job.output.path) where line.key == "inside" {
                inside += Int64(line.value) ?? 0
            }
            let estimate = estimate(inside: inside, total: Int64(maps) * samples)
            return ProgramOutcome(results: [result], messages: ["Estimated value of Pi is \(estimate)"])
        }
    }

    /// The job counting `samples` points in each of `maps` maps, writing `inside`/`outside` lines to `output`.
    static func makeJob(maps: Int, samples: Int64, output: String, configuration: JobConfiguration) -> MapReduceJob {
        MapReduceJob(
            name: "QuasiMonteCarlo",
            configuration: configuration.merging([ConfigKey.reduces: "1"]),
            input: GeneratedInputFormat(count: Int64(maps), tasks: maps, records: .eachItem),
            mapper: { HaltonMapper(samples: samples) },
            combiner: { LongSumReducer() },
            reducer: { LongSumReducer() },
            output: OutputSpec(path: output)
        )
    }

    /// Inside and outside counts of the `samples` points after H(`start`).
    static func count(start: Int64, samples: Int64) -> (inside: Int64, outside: Int64) {
        count(start: start, samples: samples, checkCancellation: {})
    }

    /// The same, calling `checkCancellation` every million points.
    static func count(start: Int64, samples: Int64, checkCancellation: () throws -> Void) rethrows -> (inside: Int64, outside: Int64) {
        var sequence = HaltonSequence(start: start)
        var inside: Int64 = 0
        var outside: Int64 = 0
        for sample in 0..<samples {
            // A map may draw billions of points: stop soon after the attempt is killed.
            if sample & 0xFFFFF == 0 { try checkCancellation() }
            let point = sequence.nextPoint()
            let x = point.x - 0.5
            let y = point.y - 0.5
            if x * x + y * y > 0.25 { outside += 1 } else { inside += 1 }
        }
        return (inside, outside)
    }

    /// 4 × `inside` / `total` with 20 decimal places, rounded half up, like
    /// Hadoop's `BigDecimal.valueOf(4).setScale(20).multiply(inside).divide(total, HALF_UP)`.
    static func estimate(inside: Int64, total: Int64, scale: Int = 20) -> String {
        precondition(total > 0 && inside >= 0, "an estimate needs a positive total")
        let numerator = UInt128(inside) * 4
        let denominator = UInt128(total)
        let whole = numerator / denominator
        var remainder = numerator % denominator
        var digits: [UInt8] = []
        for _ in 0..<scale {
            remainder *= 10
            digits.append(UInt8(remainder / denominator))
            remainder %= denominator
        }
        var wholeDigits = Array(String(whole).utf8).map { $0 - UInt8(ascii: "0") }
        if remainder * 2 >= denominator {
            // Round half up, carrying through the fraction into the whole part.
            var index = digits.count - 1
            var carry = true
            while carry && index >= 0 {
                digits[index] += 1
                carry = digits[index] == 10
                if carry { digits[index] = 0 }
                index -= 1
            }
            index = wholeDigits.count - 1
            while carry && index >= 0 {
                wholeDigits[index] += 1
                carry = wholeDigits[index] == 10
                if carry { wholeDigits[index] = 0 }
                index -= 1
            }
            if carry { wholeDigits.insert(1, at: 0) }
        }
        let text = wholeDigits.map { String($0) }.joined()
        return scale == 0 ? text : text + "." + digits.map { String($0) }.joined()
    }
}

/// Counts a map's Halton points inside and outside the circle, emitting
/// `("inside", n)` and `("outside", m)`; its one input record is the map's number.
struct HaltonMapper: Mapper {
    let samples: Int64
    private var context: TaskContext?

    init(samples: Int64) { self.samples = samples }

    mutating func setup(context: TaskContext) throws { self.context = context }

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        let context = self.context
        let counts = try QuasiMonteCarlo.count(start: record.offset * samples, samples: samples) { try context?.checkCancellation() }
        try output.emit("inside", counts.inside)
        try output.emit("outside", counts.outside)
    }
}
