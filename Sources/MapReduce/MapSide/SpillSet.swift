import Foundation

/// The spill files of one map attempt and their final merge into `file.out`.
final class SpillSet {
    struct SpillFile {
        var path: String
        var segments: [Segment]
        var bytes: Int64
    }

    let directory: String
    let partitions: Int
    let disk: any DiskAccountant
    /// The job's combiner, used to tell whether there is one and whether it folds.
    let combiner: (any Reducer)?
    private let makeCombiner: (@Sendable () -> any Reducer)?
    private let context: TaskContext?
    let fold: (any FoldingCombiner)?
    let sortFactor: Int
    private(set) var spills: [SpillFile] = []
    var counters = Counters()

    init(
        directory: String, partitions: Int, disk: any DiskAccountant, combiner makeCombiner: (@Sendable () -> any Reducer)?,
        context: TaskContext? = nil, sortFactor: Int
    ) {
        let combiner = makeCombiner?()
        self.makeCombiner = makeCombiner
        self.context = context
        self.directory = directory
        self.partitions = partitions
        self.disk = disk
        self.combiner = combiner
        self.fold = combiner as? any FoldingCombiner
        self.sortFactor = sortFactor
    }

    /// Writes sorted entries whose value is stored `valueBefore` bytes before the key
    /// (the aggregating buffer's layout), without combining: keys are already unique.
    func spill(_ entries: UnsafeMutablePointer<SortEntry>, count: Int, arena: UnsafeRawPointer, valueBefore: Int) throws {
        try write(entries, count: count) { writer, e in
            let key = arena + Int(e.keyOffset)
            try writer.write(key, Int(e.keyLength), key - valueBefore, Int(e.valueLength))
        }
    }

    /// Writes sorted entries as one spill; `combine` runs a (non-folding) combiner over each key's values.
    func spill(_ entries: UnsafeMutablePointer<SortEntry>, count: Int, arena: UnsafeRawPointer, combine: Bool) throws {
        if combine, combiner != nil {
            try writeCombined(entries, count: count, arena: arena)
            return
        }
        try write(entries, count: count) { writer, e in
            let key = arena + Int(e.keyOffset)
            try writer.write(key, Int(e.keyLength), key + Int(e.keyLength), Int(e.valueLength))
        }
    }

    private func write(_ entries: UnsafeMutablePointer<SortEntry>, count: Int, record: (SegmentRecordWriter, SortEntry) throws -> Void) throws {
        let path = "\(directory)/spill\(spills.count).out"
        let file = try BufferedFileWriter(path: path, disk: disk)
        let writer = SegmentRecordWriter(file: file)
        var segments: [Segment] = []
        var index = 0
        for partition in 0..<partitions {
            let start = file.bytesWritten
            let recordsBefore = writer.records
            while index < count && Int(entries[index].partition) == partition {
                try record(writer, entries[index])
                index += 1
            }
            segments.append(Segment(offset: start, length: file.bytesWritten - start, records: writer.records - recordsBefore))
        }
        try file.close()
        counters[.spilledRecords] += writer.records
        counters[.fileBytesWritten] += file.bytesWritten
        spills.append(SpillFile(path: path, segments: segments, bytes: file.bytesWritten))
    }

    private func writeCombined(_ entries: UnsafeMutablePointer<SortEntry>, count: Int, arena: UnsafeRawPointer) throws {
        let path = "\(directory)/spill\(spills.count).out"
        let file = try BufferedFileWriter(path: path, disk: disk)
        let writer = SegmentRecordWriter(file: file)
        var segments: [Segment] = []
        var index = 0
        var combineIn: Int64 = 0
        for partition in 0..<partitions {
            let start = file.bytesWritten
            let recordsBefore = writer.records
            var end = index
            while end < count && Int(entries[end].partition) == partition { end += 1 }
            if end > index {
                let stream = BufferedRunStream(entries: entries, range: index..<end, arena: arena)
                combineIn += try runCombiner(over: stream, into: writer)
            } else {
                for i in index..<end {
                    let e = entries[i]
                    let key = arena + Int(e.keyOffset)
                    try writer.write(key, Int(e.keyLength), key + Int(e.keyLength), Int(e.valueLength))
                }
            }
            index = end
            segments.append(Segment(offset: start, length: file.bytesWritten - start, records: writer.records - recordsBefore))
        }
        try file.close()
        counters[.combineInputRecords] += combineIn
        counters[.combineOutputRecords] += writer.records
        counters[.spilledRecords] += writer.records
        counters[.fileBytesWritten] += file.bytesWritten
        spills.append(SpillFile(path: path, segments: segments, bytes: file.bytesWritten))
    }

    /// Merges every spill into the attempt's single output file, combining again
    /// when there are at least three spills (Hadoop's `min.num.spills.for.combine`).
    func finish() throws -> (path: String, segments: [Segment]) {
        let path = "\(directory)/file.out"
        if spills.count == 1, let only = spills.first {
            try FileManager.default.moveItem(atPath: only.path, toPath: path)
            return (path, only.segments)
        }
        let file = try BufferedFileWriter(path: path, disk: disk)
        let writer = SegmentRecordWriter(file: file)
        var segments: [Segment] = []
        let combineAgain = spills.count >= 3 && combiner != nil
        var combineIn: Int64 = 0
        let combineOutBefore = writer.records
        // Each reader keeps a modest buffer: all spills are merged in one pass.
        let bufferBytes = max(16 << 10, min(256 << 10, (32 << 20) / max(1, spills.count)))
        for partition in 0..<partitions {
            let start = file.bytesWritten
            let recordsBefore = writer.records
            let readers = try spills.compactMap { spill -> SegmentReader? in
                let segment = spill.segments[partition]
                return segment.records == 0 ? nil : try SegmentReader(path: spill.path, segment: segment, bufferBytes: bufferBytes)
            }
            let merge = MergeQueue(readers: readers)
            if combineAgain, let fold {
                combineIn += try foldMerge(merge, fold: fold, writer: writer)
            } else if combineAgain {
                combineIn += try runCombiner(over: merge, into: writer)
            } else {
                while try merge.advance() {
                    try writer.write(merge.key, merge.keyLength, merge.value, merge.valueLength)
                }
            }
            counters[.fileBytesRead] += merge.bytesRead
            segments.append(Segment(offset: start, length: file.bytesWritten - start, records: writer.records - recordsBefore))
        }
        try file.close()
        if combineAgain {
            counters[.combineInputRecords] += combineIn
            counters[.combineOutputRecords] += writer.records - combineOutBefore
        }
        counters[.spilledRecords] += writer.records
        counters[.fileBytesWritten] += file.bytesWritten
        for spill in spills {
            try FileManager.default.removeItem(atPath: spill.path)
            disk.release(bytes: spill.bytes)
        }
        spills.removeAll()
        return (path, segments)
    }

    /// Runs a fresh combiner over a sorted stream, as Hadoop's `CombinerRunner`
    /// does per spill: setup, one reduce per key, cleanup. Returns records read.
    private func runCombiner(over stream: any RecordStream, into writer: SegmentRecordWriter) throws -> Int64 {
        guard let makeCombiner else { return 0 }
        var reducer = makeCombiner()
        let output = ReduceOutput(writer: writer)
        if let context { try reducer.setup(context: context) }
        let (_, records) = try forEachGroup(of: stream) { key, values in
            try reducer.reduce(key: key, values: &values, output: output)
        }
        try reducer.cleanup(output: output)
        return records
    }

    /// Merges sorted segments, folding the values of equal keys; returns records read.
    private func foldMerge(_ merge: MergeQueue, fold: any FoldingCombiner, writer: SegmentRecordWriter) throws -> Int64 {
        let width = fold.valueWidth
        var key = [UInt8]()
        let accumulator = UnsafeMutableRawPointer.allocate(byteCount: max(width, 1), alignment: 16)
        defer { accumulator.deallocate() }
        var have = false
        var read: Int64 = 0
        func flush() throws {
            if have {
                try key.withUnsafeBytes { k in
                    try writer.write(k.baseAddress ?? EmptyBytes.pointer, k.count, accumulator, width)
                }
            }
        }
        while try merge.advance() {
            read += 1
            let recordKey = merge.key
            let recordKeyLength = merge.keyLength
            if have && recordKeyLength == key.count
                && key.withUnsafeBytes({ KeyBytes.compare($0.baseAddress ?? EmptyBytes.pointer, $0.count, recordKey, recordKeyLength) == 0 }) {
                fold.fold(into: accumulator, value: merge.value)
                continue
            }
            try flush()
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: UnsafeRawBufferPointer(start: recordKey, count: recordKeyLength))
            accumulator.copyMemory(from: merge.value, byteCount: width)
            have = true
        }
        try flush()
        return read
    }
}
