import Foundation

/// One map attempt: read the split, run the mapper, and either sort and spill
/// into a partitioned map output or, for map-only jobs, write `part-m-NNNNN`.
struct MapTask {
    let job: MapReduceJob
    let split: InputSplit
    let attempt: TaskAttemptID
    let partitions: Int
    let committer: FileOutputCommitter

    struct Result: Sendable {
        var output: MapOutputFile?
        var outcome: TaskOutcome
    }

    func run(in environment: TaskEnvironment, progress: @escaping (Double) -> Void) throws -> Result {
        let context = TaskContext(
            configuration: job.configuration, attempt: attempt, split: split, partitions: partitions,
            nodeName: environment.nodeName, localDirectory: environment.localDirectory, cancellation: environment.cancellation
        )
        return try TaskOutcome.capturing(context) { try run(in: environment, context: context, progress: progress) }
    }

    private func run(in environment: TaskEnvironment, context: TaskContext, progress: @escaping (Double) -> Void) throws -> Result {
        let configuration = job.configuration
        var mapper = job.mapper()
        var reader = try job.input.makeReader(for: split, configuration: configuration)
        var counters = Counters()

        let output: MapOutput
        var buffer: (any MapOutputBuffer)?
        var partWriter: (any RecordWriter)?
        if partitions == 0 {
            let directory = try committer.setupTask(attempt)
            let path = "\(directory)/\(job.output.partNames.name(kind: .map, task: attempt.task))"
            let writer: any RecordWriter = job.output.format == .text
                ? try TextRecordWriter(path: path, separator: configuration.string(ConfigKey.outputSeparator, default: "\t"), disk: UnboundedDisk())
                : try RawRecordWriter(path: path, disk: UnboundedDisk())
            partWriter = writer
            output = MapOutput(writer: writer)
        } else {
            let sortMB = try configuration.int(ConfigKey.sortMB, default: 100)
            guard sortMB >= 1 && sortMB <= 2047 else {
                throw ConfigurationError(key: ConfigKey.sortMB, value: String(sortMB), expected: "between 1 and 2047 (MiB)")
            }
            let spillPercent = try configuration.double(ConfigKey.spillPercent, default: 0.8)
            let sortFactor = Int(try configuration.int(ConfigKey.sortFactor, default: 10))
            let spills = SpillSet(
                directory: environment.localDirectory, partitions: partitions, disk: environment.disk,
                combiner: job.combiner, context: context, sortFactor: sortFactor
            )
            let combiner = spills.combiner
            let budget = Int(sortMB) << 20
            if let fold = combiner as? any FoldingCombiner {
                buffer = AggregatingBuffer(fold: fold, budgetBytes: budget, spillPercent: spillPercent, partitions: partitions, partitioner: job.partitioner, spills: spills)
            } else {
                buffer = SortingBuffer(budgetBytes: budget, spillPercent: spillPercent, partitions: partitions, partitioner: job.partitioner, spills: spills)
            }
            output = MapOutput(buffer: buffer.unsafelyUnwrapped)
        }

        try mapper.setup(context: context)
        var records: Int64 = 0
        let cancellation = environment.cancellation
        try reader.read { record, fraction in
            records &+= 1
            if records & 0x3FFF == 0 {
                try cancellation.check()
                progress(fraction)
            }
            try mapper.map(record, output: output)
        }
        try cancellation.check()
        try mapper.cleanup(output: output)

        counters[.mapInputRecords] = records
        counters[.mapOutputRecords] = output.records
        counters[.bytesRead] = reader.bytesRead
        counters[.fileBytesRead] = reader.bytesRead
        counters[.inputSplitBytes] = Int64(split.description.utf8.count)
        counters.add(context.counters)

        var mapOutput: MapOutputFile?
        if let buffer {
            counters[.mapOutputBytes] = output.bytes
            let (path, segments) = try buffer.finish()
            counters.add(buffer.counters)
            let file = MapOutputFile(path: path, segments: segments, nodeName: environment.nodeName)
            counters[.mapOutputMaterializedBytes] = file.bytes
            mapOutput = file
        } else if let partWriter {
            try partWriter.close()
            counters[.bytesWritten] = (partWriter as? TextRecordWriter)?.bytesWritten ?? (partWriter as? RawRecordWriter)?.bytesWritten ?? 0
            try committer.commitTask(attempt)
        }
        progress(1)
        return Result(output: mapOutput, outcome: TaskOutcome(counters: counters, status: context.status, log: context.log))
    }
}
