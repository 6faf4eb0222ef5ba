import MapReduce

/// A mapper that waits at a gate before its first record, then behaves as the mapper it wraps.
public struct GatedMapper: Mapper {
    var inner: any Mapper
    let gate: TaskGate

    /// `inner`, held at `gate` when it starts.
    public init(_ inner: any Mapper, gate: TaskGate) {
        self.inner = inner
        self.gate = gate
    }

    public mutating func setup(context: TaskContext) throws {
        gate.pass()
        try inner.setup(context: context)
    }

    public mutating func map(_ record: InputRecord, output: MapOutput) throws { try inner.map(record, output: output) }

    public mutating func cleanup(output: MapOutput) throws { try inner.cleanup(output: output) }
}

/// A reducer that waits at a gate before its first group, then behaves as the reducer it wraps.
public struct GatedReducer: Reducer {
    var inner: any Reducer
    let gate: TaskGate

    /// `inner`, held at `gate` when it starts.
    public init(_ inner: any Reducer, gate: TaskGate) {
        self.inner = inner
        self.gate = gate
    }

    public mutating func setup(context: TaskContext) throws {
        gate.pass()
        try inner.setup(context: context)
    }

    public mutating func reduce(key: UnsafeRawBufferPointer, values: inout ValueIterator, output: ReduceOutput) throws {
        try inner.reduce(key: key, values: &values, output: output)
    }

    public mutating func cleanup(output: ReduceOutput) throws { try inner.cleanup(output: output) }
}

extension MapReduceJob {
    /// This job with every map attempt held at `gate` when it starts.
    public func gatingMaps(at gate: TaskGate) -> MapReduceJob {
        var job = self
        let make = mapper
        job.mapper = { GatedMapper(make(), gate: gate) }
        return job
    }

    /// This job with every reduce attempt held at `gate` when it starts.
    public func gatingReduces(at gate: TaskGate) -> MapReduceJob {
        var job = self
        let make = reducer
        job.reducer = { GatedReducer(make?() ?? IdentityReducer(), gate: gate) }
        return job
    }
}
