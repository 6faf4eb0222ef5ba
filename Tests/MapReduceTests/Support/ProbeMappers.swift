import Foundation
import MapReduce
import Synchronization

/// Emits `(<file relative path>:<offset>, line)` for every line, and fails if a
/// record's key is not its offset encoded as an `Int64`.
struct LineLocatingMapper: Mapper {
    private var name = "?"

    mutating func setup(context: TaskContext) throws {
        name = context.split?.relativePath ?? "?"
    }

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        guard record.key.count == 8, Int64(decoding: record.key) == record.offset else {
            throw ProbeError("key of the line at \(record.offset) is not its offset")
        }
        try output.emit("\(name):\(record.offset)", Bytes(Array(record.value)))
    }
}

/// Emits `(word, 1)` for every space-separated word.
struct WordMapper: Mapper {
    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        for word in record.value.split(separator: 32) where !word.isEmpty {
            try output.emit(Bytes(Array(word)), Int64(1))
        }
    }
}

/// Sums `Int64` values like `LongSumReducer`, but is not a `FoldingCombiner`, so
/// as a combiner it runs through the sort buffer's spill path.
struct SummingReducer: Reducer {
    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        var sum: Int64 = 0
        while let value = values.next(as: Int64.self) { sum &+= value }
        try output.emit(key: key, int64: sum)
    }
}

/// An error thrown on purpose by a probe.
struct ProbeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Counts attempts per task across a job's retries ("m3", "r0").
final class AttemptCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// Records one more attempt of the task running in `context` and returns how many there have been.
    func begin(_ context: TaskContext) -> Int {
        let key = "\(context.attempt.kind == .map ? "m" : "r")\(context.attempt.task)"
        return counts.withLock { counts in
            counts[key, default: 0] += 1
            return counts[key] ?? 0
        }
    }

    /// Attempts seen of task `key`.
    func count(_ key: String) -> Int { counts.withLock { $0[key] ?? 0 } }

    /// Attempts seen of every task.
    var total: Int { counts.withLock { $0.values.reduce(0, +) } }
}

/// Wraps a mapper or a reducer: the first `failures[task]` attempts of each task,
/// counted across the job's retries, throw in `cleanup`, after all their output
/// was emitted or written.
struct Flaky<Base> {
    var base: Base
    let counter: AttemptCounter
    let failures: [Int: Int]
    private var failure: ProbeError?

    init(_ base: Base, counter: AttemptCounter, failures: [Int: Int]) {
        self.base = base
        self.counter = counter
        self.failures = failures
    }

    /// Counts the attempt running in `context` and decides whether it fails.
    mutating func begin(_ context: TaskContext) {
        let attempt = counter.begin(context)
        let fails = attempt <= failures[context.attempt.task, default: 0]
        failure = fails ? ProbeError("injected \(context.attempt.kind.rawValue) failure in \(context.attempt)") : nil
    }

    /// Throws if this attempt is one that fails.
    func failIfChosen() throws {
        if let failure { throw failure }
    }
}

/// A mapper whose first attempts of a task fail: see ``Flaky``.
typealias FlakyMapper<Base: Mapper> = Flaky<Base>

/// A reducer whose first attempts of a task fail: see ``Flaky``.
typealias FlakyReducer<Base: Reducer> = Flaky<Base>

extension Flaky: Mapper where Base: Mapper {
    mutating func setup(context: TaskContext) throws {
        begin(context)
        try base.setup(context: context)
    }

    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        try base.map(record, output: output)
    }

    mutating func cleanup(output: MapOutput) throws {
        try base.cleanup(output: output)
        try failIfChosen()
    }
}

extension Flaky: Reducer where Base: Reducer {
    mutating func setup(context: TaskContext) throws {
        begin(context)
        try base.setup(context: context)
    }

    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        try base.reduce(key: key, values: &values, output: output)
    }

    mutating func cleanup(output: ReduceOutput) throws {
        try base.cleanup(output: output)
        try failIfChosen()
    }
}
