import Foundation
import MapReduce
import Testing

/// A sort buffer far smaller than the map output: many spills, merged, with and
/// without combiners, must still give every key once, sorted, with its exact sum.
@Suite struct SortSpillMergeTests {
    enum CombinerKind: String, CaseIterable, CustomTestStringConvertible {
        case none, folding, reducer
        var testDescription: String { rawValue }

        var factory: (@Sendable () -> any Reducer)? {
            switch self {
            case .none: return nil
            case .folding: return { LongSumReducer() }
            case .reducer: return { SummingReducer() }
            }
        }
    }

    static let items: Int64 = 160_000

    @Test("many spills merge into sorted output equal to the sequential sums", arguments: CombinerKind.allCases)
    func manySpillsMergeToExactSortedOutput(combiner: CombinerKind) async throws {
        try await withTemporaryDirectory { directory in
            let job = MapReduceJob(
                name: "spills",
                configuration: JobConfiguration([ConfigKey.reduces: "3", ConfigKey.sortMB: "1"]),
                input: GeneratedInputFormat(count: Self.items, tasks: 2, records: .eachItem),
                mapper: { KeyPoolMapper() },
                combiner: combiner.factory,
                reducer: { LongSumReducer() },
                output: OutputSpec(path: directory + "/out")
            )
            let result = try await runJob(job, in: directory)
            let output = try JobOutput(path: directory + "/out")
            #expect(output.partNames == ["part-r-00000", "part-r-00001", "part-r-00002"])
            for name in output.partNames {
                let keys = output.lines(name).map { TextLines.keyValue($0).key }
                let inOrder = zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }
                #expect(inOrder, "\(name) is sorted by key bytes, each key once")
            }
            #expect(output.allLinesSorted == KeyPool.lines(KeyPool.sums(items: Self.items)))

            let counters = result.counters
            #expect(counters[.mapOutputRecords] == Self.items)
            // Spills and a merge happened: records were written more often than the merged outputs hold.
            #expect(counters[.spilledRecords] > counters[.reduceInputRecords])
            if combiner == .none {
                #expect(counters[.spilledRecords] > counters[.mapOutputRecords])
                #expect(counters[.reduceInputRecords] == Self.items)
                #expect(counters[.combineInputRecords] == 0)
            } else {
                #expect(counters[.combineInputRecords] >= Self.items)
                #expect(counters[.reduceInputRecords] < Self.items)
            }
            #expect(counters[.reduceOutputRecords] == Int64(KeyPool.sums(items: Self.items).count))
        }
    }

    @Test("a merge wider than io.sort.factor still yields every record", arguments: ["2", "100"])
    func mergeFactorDoesNotLoseRecords(sortFactor: String) async throws {
        try await withTemporaryDirectory { directory in
            let items: Int64 = 60_000
            let job = MapReduceJob(
                name: "factor",
                configuration: JobConfiguration([ConfigKey.reduces: "2", ConfigKey.sortMB: "1", ConfigKey.sortFactor: sortFactor, ConfigKey.spillPercent: "0.2"]),
                input: GeneratedInputFormat(count: items, tasks: 1, records: .eachItem),
                mapper: { KeyPoolMapper() },
                reducer: { LongSumReducer() },
                output: OutputSpec(path: directory + "/out")
            )
            let result = try await runJob(job, in: directory)
            #expect(result.counters[.spilledRecords] > items)
            #expect(try JobOutput(path: directory + "/out").allLinesSorted == KeyPool.lines(KeyPool.sums(items: items)))
        }
    }

    @Test("a record larger than the whole sort buffer is spilled on its own and kept")
    func recordLargerThanTheBufferIsKept() async throws {
        try await withTemporaryDirectory { directory in
            let big = [UInt8](repeating: UInt8(ascii: "k"), count: 1_500_000)
            let job = MapReduceJob(
                name: "big",
                configuration: JobConfiguration([ConfigKey.sortMB: "1"]),
                input: GeneratedInputFormat(count: 3, tasks: 1, records: .eachItem),
                mapper: { BigRecordMapper(big: big) },
                reducer: { SummingReducer() },
                output: OutputSpec(path: directory + "/out")
            )
            _ = try await runJob(job, in: directory)
            let expected = sortedBytes([TextLines.line(bytes("a"), bytes("1")), TextLines.line(big, bytes("1")), TextLines.line(bytes("z"), bytes("1"))])
            #expect(try JobOutput(path: directory + "/out").allLinesSorted == expected)
        }
    }
}

/// Emits "a", a key bigger than the sort buffer, then "z", one per item.
private struct BigRecordMapper: Mapper {
    let big: [UInt8]
    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        let key = [bytes("a"), big, bytes("z")][Int(record.offset)]
        try output.emit(Bytes(key), Int64(1))
    }
}
