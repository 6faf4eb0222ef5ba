import Foundation
import MapReduce
import Testing

/// Framework counters carry Hadoop's names and Hadoop's meanings.
@Suite struct CounterTests {
    enum Combiner: String, CaseIterable, CustomTestStringConvertible {
        case folding, reducer
        var testDescription: String { rawValue }

        var factory: @Sendable () -> any Reducer {
            switch self {
            case .folding: return { LongSumReducer() }
            case .reducer: return { SummingReducer() }
            }
        }
    }

    @Test("a small word count reports Hadoop's counters exactly", arguments: Combiner.allCases)
    func wordCountCounters(combiner: Combiner) async throws {
        try await withTemporaryDirectory { directory in
            let first = "the cat sat\non the mat\n"
            let second = "the dog\n\nsat on the log\n"
            try writeFile(directory + "/in/1.txt", first)
            try writeFile(directory + "/in/2.txt", second)
            let job = MapReduceJob(
                name: "word count",
                input: TextInputFormat(paths: [directory + "/in"]),
                mapper: { WordMapper() },
                combiner: combiner.factory,
                reducer: { LongSumReducer() },
                output: OutputSpec(path: directory + "/out")
            )
            let result = try await runJob(job, in: directory)
            #expect(try JobOutput(path: directory + "/out").lines("part-r-00000") == [
                "cat\t1", "dog\t1", "log\t1", "mat\t1", "on\t2", "sat\t2", "the\t4",
            ].map(bytes))

            let counters = result.counters
            #expect(counters[.launchedMaps] == 2)
            #expect(counters[.launchedReduces] == 1)
            #expect(counters[.mapInputRecords] == 5)
            #expect(counters[.mapOutputRecords] == 12)
            #expect(counters[.combineInputRecords] == 12)
            #expect(counters[.combineOutputRecords] == 10)  // 5 distinct words in each file
            #expect(counters[.reduceInputGroups] == 7)
            #expect(counters[.reduceInputRecords] == 10)
            #expect(counters[.reduceOutputRecords] == 7)
            #expect(counters[.spilledRecords] == 10)
            #expect(counters[.failedMaps] == 0)
            #expect(counters[.bytesRead] == Int64(first.utf8.count + second.utf8.count))
            let words = (first + second).split(whereSeparator: \.isWhitespace)
            #expect(counters[.mapOutputBytes] == Int64(words.reduce(0) { $0 + $1.utf8.count + 8 }))
            #expect(counters[.bytesWritten] == Int64(try readFile(directory + "/out/part-r-00000").count))
            #expect(counters[.shuffledMaps] == 2)
        }
    }

    @Test("counters live under Hadoop's group and counter names")
    func counterNames() {
        #expect(TaskCounter.mapInputRecords.group == "Map-Reduce Framework")
        #expect(TaskCounter.mapInputRecords.rawValue == "Map input records")
        #expect(TaskCounter.combineInputRecords.rawValue == "Combine input records")
        #expect(TaskCounter.reduceInputGroups.rawValue == "Reduce input groups")
        #expect(TaskCounter.spilledRecords.rawValue == "Spilled Records")
        #expect(TaskCounter.launchedMaps.group == "Job Counters ")
        #expect(TaskCounter.launchedMaps.rawValue == "Launched map tasks")
        #expect(TaskCounter.failedMaps.rawValue == "Failed map tasks")
        #expect(TaskCounter.bytesRead.group == "File Input Format Counters ")
        #expect(TaskCounter.bytesWritten.group == "File Output Format Counters ")
        #expect(TaskCounter.fileBytesRead.group == "File System Counters")
    }

    @Test("user counters from successful attempts are added to the job's counters")
    func userCountersAreSummed() async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/in/1.txt", "a\nb\nc\n")
            try writeFile(directory + "/in/2.txt", "d\n")
            let counter = AttemptCounter()
            let job = MapReduceJob(
                name: "user counters",
                configuration: JobConfiguration([ConfigKey.reduces: "0"]),
                input: TextInputFormat(paths: [directory + "/in"]),
                mapper: { FlakyMapper(CountingMapper(), counter: counter, failures: [0: 1]) },
                output: OutputSpec(path: directory + "/out")
            )
            let result = try await runJob(job, in: directory)
            #expect(result.counters["Lines", "seen"] == 4)
        }
    }
}

/// Counts lines in a user counter, emitting nothing.
private struct CountingMapper: Mapper {
    var context: TaskContext?
    mutating func setup(context: TaskContext) throws { self.context = context }
    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        context?.increment("Lines", "seen")
    }
}
