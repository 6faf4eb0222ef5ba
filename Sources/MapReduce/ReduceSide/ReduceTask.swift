import Foundation

/// One reduce attempt: fetch this partition's segment from every map output,
/// merge them, group by key, run the reducer and write `part-r-NNNNN`.
struct ReduceTask {
    let job: MapReduceJob
    let partition: Int
    let partitions: Int
    let mapOutputs: [MapOutputFile]
    let attempt: TaskAttemptID
    let committer: FileOutputCommitter

    func run(in environment: TaskEnvironment, progress: @escaping (Double) -> Void) throws -> TaskOutcome {
        let context = TaskContext(
            configuration: job.configuration, attempt: attempt, split: nil, partitions: partitions,
            nodeName: environment.nodeName, localDirectory: environment.localDirectory, cancellation: environment.cancellation
        )
        return try TaskOutcome.capturing(context) { try run(in: environment, context: context, progress: progress) }
    }

    private func run(in environment: TaskEnvironment, context: TaskContext, progress: @escaping (Double) -> Void) throws -> TaskOutcome {
        let configuration = job.configuration
        let bufferBytes = max(16 << 10, min(256 << 10, (64 << 20) / max(1, mapOutputs.count)))
        var readers: [SegmentReader] = []
        var shuffleBytes: Int64 = 0
        var totalRecords: Int64 = 0
        for (index, output) in mapOutputs.enumerated() {
            let segment = output.segments[partition]
            shuffleBytes += segment.length
            totalRecords += segment.records
            guard segment.records > 0 else { continue }
            do {
                readers.append(try SegmentReader(path: output.path, segment: segment, bufferBytes: bufferBytes))
            } catch let failure as IOFailure where failure.code == ENOENT {
                throw ShuffleError.mapOutputLost(mapTask: index, nodeName: output.nodeName, path: output.path)
            }
        }
        let merge = MergeQueue(readers: readers)

        let directory = try committer.setupTask(attempt)
        let path = "\(directory)/\(job.output.partNames.name(kind: .reduce, task: partition))"
        let writer: any RecordWriter = job.output.format == .text
            ? try TextRecordWriter(path: path, separator: configuration.string(ConfigKey.outputSeparator, default: "\t"), disk: UnboundedDisk())
            : try RawRecordWriter(path: path, disk: UnboundedDisk())
        let output = ReduceOutput(writer: writer)
        var reducer = job.reducer?() ?? IdentityReducer()
        try reducer.setup(context: context)
        let cancellation = environment.cancellation
        var groupsSeen: Int64 = 0
        var recordsSeen: Int64 = 0
        let (groups, records) = try forEachGroup(of: merge) { key, values in
            groupsSeen += 1
            if groupsSeen & 0xFFF == 0 {
                try cancellation.check()
                progress(totalRecords == 0 ? 1 : Double(recordsSeen) / Double(totalRecords))
            }
            try reducer.reduce(key: key, values: &values, output: output)
            recordsSeen += values.consumedSoFar
        }
        try cancellation.check()
        try reducer.cleanup(output: output)
        try writer.close()
        try committer.commitTask(attempt)

        var counters = context.counters
        counters[.reduceInputGroups] = groups
        counters[.reduceInputRecords] = records
        counters[.reduceOutputRecords] = writer.records
        counters[.reduceShuffleBytes] = shuffleBytes
        counters[.shuffledMaps] = Int64(mapOutputs.count)
        counters[.mergedMapOutputs] = Int64(mapOutputs.count)
        counters[.fileBytesRead] = merge.bytesRead
        counters[.bytesWritten] = (writer as? TextRecordWriter)?.bytesWritten ?? (writer as? RawRecordWriter)?.bytesWritten ?? 0
        progress(1)
        return TaskOutcome(counters: counters, status: context.status, log: context.log)
    }
}
