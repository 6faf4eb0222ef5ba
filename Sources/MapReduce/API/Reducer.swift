/// Folds all values of one key into output records, like Hadoop's `Reducer`.
///
/// Keys arrive in byte order; a new reducer is made for every task attempt.
/// The same protocol serves as a combiner, whose output goes back into the shuffle.
public protocol Reducer {
    /// Called once before the first key.
    mutating func setup(context: TaskContext) throws
    /// Called once per distinct key with an iterator over its values.
    mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws
    /// Called once after the last key.
    mutating func cleanup(output: ReduceOutput) throws
}

extension Reducer {
    public mutating func setup(context: TaskContext) throws {}
    public mutating func cleanup(output: ReduceOutput) throws {}
}

/// A combiner whose values have a fixed width and fold pairwise, such as a sum.
///
/// When a job's combiner conforms, the map side aggregates in a hash table
/// instead of buffering every record: the combiner runs on every map output
/// record as it is collected, which Hadoop's contract allows (a combiner may
/// run zero or more times).
public protocol FoldingCombiner: Reducer {
    /// The width in bytes of every encoded value.
    var valueWidth: Int { get }
    /// Folds `value` into `accumulator`; both hold `valueWidth` bytes.
    func fold(into accumulator: UnsafeMutableRawPointer, value: UnsafeRawPointer)
}

/// Sums `Int64` values per key, like Hadoop's `LongSumReducer`; also a folding combiner.
public struct LongSumReducer: FoldingCombiner {
    /// A summing reducer.
    public init() {}

    public var valueWidth: Int { 8 }

    @inline(__always)
    public func fold(into accumulator: UnsafeMutableRawPointer, value: UnsafeRawPointer) {
        let sum = Int64.decodedBits(accumulator.loadUnaligned(as: UInt64.self))
            &+ Int64.decodedBits(value.loadUnaligned(as: UInt64.self))
        accumulator.storeBytes(of: Int64.encodedBits(sum), as: UInt64.self)
    }

    public mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        var sum: Int64 = 0
        while let value = values.next() { sum &+= Int64(decoding: value) }
        try output.emit(key: key, int64: sum)
    }
}

/// Writes every value under its key unchanged, like Hadoop's identity `Reducer`.
public struct IdentityReducer: Reducer {
    /// An identity reducer.
    public init() {}
    public mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        while let value = values.next() { try output.emit(key: key, value: value) }
    }
}
