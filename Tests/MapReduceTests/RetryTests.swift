import Foundation
import MapReduce
import Testing
import SeededRandom

/// Failed attempts are retried up to `mapreduce.{map,reduce}.maxattempts`; the
/// job's output holds only the successful attempts' records.
@Suite struct RetryTests {
    private func writeInput(_ directory: String) throws -> [[UInt8]] {
        var words: [String: Int64] = [:]
        var generator = SeededGenerator(seed: 11)
        for file in 0..<4 {
            var text = ""
            for _ in 0..<50 {
                let word = "w\(Int.random(in: 0..<30, using: &generator))"
                text += word + (Bool.random(using: &generator) ? " " : "\n")
                words[word, default: 0] += 1
            }
            try writeFile("\(directory)/in/f\(file).txt", text)
        }
        return sortedBytes(words.map { TextLines.line(bytes($0.key), bytes(String($0.value))) })
    }

    private func job(_ directory: String, reduces: Int = 2, properties: [String: String] = [:],
                     counter: AttemptCounter, mapFailures: [Int: Int] = [:], reduceFailures: [Int: Int] = [:]) -> MapReduceJob {
        MapReduceJob(
            name: "retries",
            configuration: JobConfiguration(properties.merging([ConfigKey.reduces: String(reduces)]) { a, _ in a }),
            input: TextInputFormat(paths: [directory + "/in"]),
            mapper: { FlakyMapper(WordMapper(), counter: counter, failures: mapFailures) },
            reducer: { FlakyReducer(LongSumReducer(), counter: counter, failures: reduceFailures) },
            output: OutputSpec(path: directory + "/out")
        )
    }

    @Test("maps that fail some attempts are retried and the output is exact")
    func failedMapAttemptsAreRetried() async throws {
        try await withTemporaryDirectory { directory in
            let expected = try writeInput(directory)
            let counter = AttemptCounter()
            let result = try await runJob(job(directory, counter: counter, mapFailures: [0: 1, 2: 3]), in: directory, id: "test_0001")
            #expect(try JobOutput(path: directory + "/out").allLinesSorted == expected)
            #expect(counter.count("m0") == 2)
            #expect(counter.count("m1") == 1)
            #expect(counter.count("m2") == 4)
            let failed = result.attempts.filter { !$0.succeeded }
            #expect(failed.map(\.attempt.description) == [
                "attempt_test_0001_m_000000_0", "attempt_test_0001_m_000002_0", "attempt_test_0001_m_000002_1", "attempt_test_0001_m_000002_2",
            ])
            for report in failed {
                #expect(report.error == "injected map failure in \(report.attempt)")
                #expect(report.counters == Counters())
            }
            #expect(result.attempts.filter(\.succeeded).map(\.attempt.description) == [
                "attempt_test_0001_m_000000_1", "attempt_test_0001_m_000001_0", "attempt_test_0001_m_000002_3", "attempt_test_0001_m_000003_0",
                "attempt_test_0001_r_000000_0", "attempt_test_0001_r_000001_0",
            ])
            #expect(result.counters[.failedMaps] == 4)
            #expect(result.counters[.launchedMaps] == 8)
            // Only successful attempts count: every word once.
            #expect(result.counters[.mapOutputRecords] == 200)
        }
    }

    @Test("reducers that fail some attempts are retried and the output is exact")
    func failedReduceAttemptsAreRetried() async throws {
        try await withTemporaryDirectory { directory in
            let expected = try writeInput(directory)
            let counter = AttemptCounter()
            let result = try await runJob(job(directory, counter: counter, reduceFailures: [1: 2]), in: directory, id: "test_0001")
            #expect(try JobOutput(path: directory + "/out").allLinesSorted == expected)
            #expect(result.attempts.filter { !$0.succeeded }.map(\.attempt.description) == ["attempt_test_0001_r_000001_0", "attempt_test_0001_r_000001_1"])
            #expect(result.counters[.failedReduces] == 2)
            #expect(result.counters[.launchedReduces] == 4)
            #expect(result.counters[.failedMaps] == 0)
            #expect(result.counters[.reduceOutputRecords] == Int64(expected.count))
        }
    }

    @Test("a map-only attempt that fails after writing leaves no trace in the output")
    func failedMapOnlyAttemptLeavesNoOutput() async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/in/f.txt", "a b\nc\n")
            let counter = AttemptCounter()
            let result = try await runJob(job(directory, reduces: 0, counter: counter, mapFailures: [0: 2]), in: directory)
            let output = try JobOutput(path: directory + "/out")
            #expect(output.names == ["_SUCCESS", "part-m-00000"])
            #expect(output.lines("part-m-00000") == [bytes("a\t1"), bytes("b\t1"), bytes("c\t1")])
            #expect(result.counters[.failedMaps] == 2)
        }
    }

    @Test("a task that fails more times than maxattempts fails the job", arguments: [
        (TaskKind.map, 1), (TaskKind.map, 2), (TaskKind.reduce, 1), (TaskKind.reduce, 3),
    ])
    func attemptsBeyondMaxFailTheJob(kind: TaskKind, maxAttempts: Int) async throws {
        try await withTemporaryDirectory { directory in
            _ = try writeInput(directory)
            let counter = AttemptCounter()
            let key = kind == .map ? ConfigKey.mapMaxAttempts : ConfigKey.reduceMaxAttempts
            let failures = [1: maxAttempts]
            let job = job(directory, properties: [key: String(maxAttempts)], counter: counter,
                          mapFailures: kind == .map ? failures : [:], reduceFailures: kind == .reduce ? failures : [:])
            let failure = try #require(await jobFailure { try await runJob(job, in: directory, id: "test_0001") })
            let letter = kind == .map ? "m" : "r"
            #expect(failure.task == "task_test_0001_\(letter)_000001")
            #expect(failure.message == "failed \(maxAttempts) times; last error: injected \(kind.rawValue) failure in attempt_test_0001_\(letter)_000001_\(maxAttempts - 1)")
            #expect(counter.count("\(letter)1") == maxAttempts)
            #expect(failure.attempts.filter { !$0.succeeded }.count == maxAttempts)
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }

    @Test("maxattempts defaults to 4")
    func maxAttemptsDefaultsToFour() async throws {
        try await withTemporaryDirectory { directory in
            let expected = try writeInput(directory)
            let counter = AttemptCounter()
            _ = try await runJob(job(directory, counter: counter, mapFailures: [3: 3], reduceFailures: [0: 3]), in: directory)
            #expect(try JobOutput(path: directory + "/out").allLinesSorted == expected)
        }
        try await withTemporaryDirectory { directory in
            _ = try writeInput(directory)
            let counter = AttemptCounter()
            let failure = await jobFailure { try await runJob(job(directory, counter: counter, mapFailures: [3: 4]), in: directory) }
            #expect(failure != nil)
            #expect(counter.count("m3") == 4)
        }
    }
}
