import Foundation
import MapReduce
import Synchronization
import Testing

/// A job that fails or is cancelled leaves its output location as it found it.
@Suite struct FailureTests {
    private func input(_ directory: String) throws {
        try writeFile(directory + "/in/a.txt", "one two\nthree\n")
        try writeFile(directory + "/in/b.txt", "four five six\n")
    }

    @Test("a reducer that always throws fails the job, naming the task and the error; no output remains")
    func alwaysFailingReducerFailsTheJob() async throws {
        try await withTemporaryDirectory { directory in
            try input(directory)
            let job = MapReduceJob(
                name: "bad reducer",
                input: TextInputFormat(paths: [directory + "/in"]),
                mapper: { WordMapper() },
                reducer: { ThrowingReducer() },
                output: OutputSpec(path: directory + "/out")
            )
            let failure = try #require(await jobFailure { try await runJob(job, in: directory, id: "test_0001") })
            #expect(failure.task == "task_test_0001_r_000000")
            #expect(failure.description == "Job job_test_0001 failed: task task_test_0001_r_000000 failed: failed 4 times; last error: the reducer always fails")
            #expect(failure.attempts.filter { !$0.succeeded }.map(\.error) == Array(repeating: "the reducer always fails", count: 4))
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }

    @Test("a mapper that always throws fails the job, naming the task and the error; no output remains", arguments: [0, 1])
    func alwaysFailingMapperFailsTheJob(reduces: Int) async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/in/a.txt", "one two\nthree\n")
            let job = MapReduceJob(
                name: "bad mapper",
                configuration: JobConfiguration([ConfigKey.reduces: String(reduces), ConfigKey.mapMaxAttempts: "2"]),
                input: TextInputFormat(paths: [directory + "/in"]),
                mapper: { ThrowingMapper() },
                output: OutputSpec(path: directory + "/out")
            )
            let failure = try #require(await jobFailure { try await runJob(job, in: directory, id: "test_0001") })
            #expect(failure.description == "Job job_test_0001 failed: task task_test_0001_m_000000 failed: failed 2 times; last error: the mapper always fails")
            #expect(failure.attempts.map(\.attempt.description) == ["attempt_test_0001_m_000000_0", "attempt_test_0001_m_000000_1"])
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }

    @Test("an existing output directory fails the job before any task runs and is left untouched")
    func existingOutputFailsBeforeAnyTask() async throws {
        try await withTemporaryDirectory { directory in
            try input(directory)
            try writeFile(directory + "/out/keep.txt", "precious")
            try writeFile(directory + "/out/part-r-00000", "old results")
            let counter = AttemptCounter()
            let job = MapReduceJob(
                name: "exists",
                input: TextInputFormat(paths: [directory + "/in"]),
                mapper: { FlakyMapper(WordMapper(), counter: counter, failures: [:]) },
                output: OutputSpec(path: "file://" + directory + "/out")
            )
            let failure = try #require(await jobFailure { try await runJob(job, in: directory) })
            #expect(failure.message == "Output directory file:\(directory)/out already exists; remove it or choose another output path")
            #expect(failure.task == nil && failure.attempts.isEmpty)
            #expect(counter.total == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/out").sorted() == ["keep.txt", "part-r-00000"])
            #expect(try readFile(directory + "/out/keep.txt") == bytes("precious"))
            #expect(try readFile(directory + "/out/part-r-00000") == bytes("old results"))
        }
    }

    @Test("cancelling the job while a mapper runs throws and leaves no output", arguments: [0, 1])
    func cancellationLeavesNoOutput(reduces: Int) async throws {
        try await withTemporaryDirectory { directory in
            let probe = CancellationProbe()
            let job = MapReduceJob(
                name: "slow",
                configuration: JobConfiguration([ConfigKey.reduces: String(reduces), ConfigKey.mapMaxAttempts: "1", ConfigKey.sortMB: "1"]),
                input: GeneratedInputFormat(count: 1 << 40, tasks: 2, records: .eachItem),
                mapper: { EndlessMapper(probe: probe) },
                output: OutputSpec(path: directory + "/out")
            )
            let run = Task { try await runJob(job, in: directory) }
            // The only wait in the suite: the mapper must be mid-run before the job is cancelled.
            for _ in 0..<5_000 where !probe.started.load(ordering: .acquiring) {
                try await Task.sleep(for: .milliseconds(2))
            }
            let started = probe.started.load(ordering: .acquiring)
            #expect(started)
            run.cancel()
            probe.cancelled.store(true, ordering: .releasing)
            let failure = await jobFailure { try await run.value }
            #expect(failure?.message == "the job was cancelled")
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }
}

private struct ThrowingReducer: Reducer {
    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        try output.emit(key: key, int64: 1)
        throw ProbeError("the reducer always fails")
    }
}

private struct ThrowingMapper: Mapper {
    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        try output.emit(key: record.value, value: record.value)
        if record.offset > 0 { throw ProbeError("the mapper always fails") }
    }
}

/// What the endless mapper and the test tell each other.
private final class CancellationProbe: Sendable {
    let started = Atomic<Bool>(false)
    let cancelled = Atomic<Bool>(false)
}

/// Maps forever, emitting a record now and then; once the test has cancelled
/// the job it gives up after a bounded number of records, so a broken
/// cancellation fails the test instead of hanging it.
private struct EndlessMapper: Mapper {
    let probe: CancellationProbe
    var afterCancel = 0

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        probe.started.store(true, ordering: .releasing)
        if record.offset % 1024 == 0 { try output.emit(record.offset, Int64(1)) }
        if probe.cancelled.load(ordering: .acquiring) {
            afterCancel += 1
            if afterCancel > 1_000_000 { throw ProbeError("cancellation was not noticed") }
        }
    }
}
