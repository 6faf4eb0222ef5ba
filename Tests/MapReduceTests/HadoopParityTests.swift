import Foundation
import Synchronization
import Testing
@testable import MapReduce

/// Smaller behaviours where the engine follows Hadoop to the letter.
@Suite("Hadoop parity details")
struct HadoopParityTests {
    @Test("a UTF-8 byte-order mark that opens a file is not part of the first line, as in Hadoop's LineRecordReader")
    func byteOrderMarkIsDropped() async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/in/bom.txt", [0xEF, 0xBB, 0xBF] + bytes("first\nsecond\n"))
            let job = MapReduceJob(
                name: "bom", configuration: JobConfiguration([ConfigKey.reduces: "0"]),
                input: TextInputFormat(paths: [directory + "/in"]), mapper: { IdentityValueMapper() },
                output: OutputSpec(path: directory + "/out")
            )
            _ = try await runJob(job, in: directory)
            let lines = try JobOutput(path: directory + "/out").lines(partName("m", 0))
            #expect(lines == [bytes("first"), bytes("second")])
        }
    }

    @Test("a combiner that is not a folding one is set up and cleaned up around every spill, as Hadoop's CombinerRunner does")
    func combinerLifecycleRunsPerSpill() async throws {
        try await withTemporaryDirectory { directory in
            let words = (0..<60_000).map { "w\($0 % 5000)" }.joined(separator: " ")
            try writeFile(directory + "/in/words.txt", bytes(words + "\n"))
            let calls = LifecycleCalls()
            let job = MapReduceJob(
                name: "combiner-lifecycle", configuration: JobConfiguration([ConfigKey.sortMB: "1"]),
                input: TextInputFormat(paths: [directory + "/in"]), mapper: { WordMapper() },
                combiner: { CountingCombiner(calls: calls) }, reducer: { SummingReducer() },
                output: OutputSpec(path: directory + "/out")
            )
            let result = try await runJob(job, in: directory)
            let observed = calls.counts.withLock { $0 }
            #expect(observed.setups >= 2, "the 1 MiB buffer spills more than once")
            #expect(observed.setups == observed.cleanups)
            #expect(result.counters[.reduceOutputRecords] == 5000)
        }
    }

    @Test("generated input splits a count near Int64.max into even ranges without overflowing")
    func generatedInputHandlesHugeCounts() throws {
        let count = Int64.max - 3
        let splits = try GeneratedInputFormat(count: count, tasks: 7, records: .wholeRange).splits(configuration: JobConfiguration())
        #expect(splits.count == 7)
        #expect(splits.reduce(Int64(0)) { $0 + $1.length } == count)
        #expect(splits.map(\.length).max()! - splits.map(\.length).min()! <= 1)
        #expect(zip(splits, splits.dropFirst()).allSatisfy { $0.start + $0.length == $1.start })
    }
}

/// Writes each line's value alone.
private struct IdentityValueMapper: Mapper {
    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        try output.emit(key: record.value)
    }
}

/// Setup and cleanup calls seen across every combiner instance.
private final class LifecycleCalls: Sendable {
    let counts = Mutex((setups: 0, cleanups: 0))
}

/// Sums like `SummingReducer` and counts its setup and cleanup calls.
private struct CountingCombiner: Reducer {
    let calls: LifecycleCalls
    var inner = SummingReducer()

    mutating func setup(context: TaskContext) throws { calls.counts.withLock { $0.setups += 1 } }
    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        try inner.reduce(key: key, values: &values, output: output)
    }
    mutating func cleanup(output: ReduceOutput) throws { calls.counts.withLock { $0.cleanups += 1 } }
}
