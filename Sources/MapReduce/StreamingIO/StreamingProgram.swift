#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs a `StreamableJob`'s mapper, combiner or reducer as a Hadoop Streaming
/// program over standard input and output, so a job written against this
/// library runs unchanged on any Hadoop cluster through `hadoop-streaming.jar`:
///
/// ```swift
/// @main struct WordCountStreaming {
///     static func main() throws { try StreamingProgram.main(MyWordCount.self) }
/// }
/// ```
///
/// then `hadoop jar hadoop-streaming.jar -files wc -mapper 'wc map' -reducer 'wc reduce' …`.
/// The mapper reads lines (the value; the key is the line's offset in the
/// input seen so far) and prints `key<TAB>value`; the combiner and reducer read
/// `key<TAB>value` lines sorted by key, as streaming gives them, and print
/// `key<TAB>value`. The functions get the configuration given to `run`
/// (empty from `main`).
public enum StreamingProgram {
    /// The three functions of a job.
    public enum Function: String, Sendable, CaseIterable {
        case map, combine, reduce
    }

    /// Runs the function named by the first command-line argument (`map`, `combine` or `reduce`).
    ///
    /// - Throws: `StreamingProgramError` for a missing or unknown function, or a line that cannot be read.
    public static func main<Job: StreamableJob>(_ job: Job.Type) throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let function = Function(rawValue: name) else {
            throw StreamingProgramError("usage: \(CommandLine.arguments.first ?? "program") map|combine|reduce")
        }
        try run(job, function)
    }

    /// Runs `function` of `job` from `input` to `output` (file descriptors; stdin and stdout by default).
    public static func run<Job: StreamableJob>(
        _ job: Job.Type, _ function: Function, configuration: JobConfiguration = JobConfiguration(),
        input: Int32 = 0, output: Int32 = 1
    ) throws {
        let lines = StandardLines(fd: input)
        let writer = TextLineWriter<Job.Key, Job.Value>(fd: output, decodesEncoded: function == .map)
        let context = TaskContext(
            configuration: configuration, attempt: TaskAttemptID(jobID: "streaming", kind: function == .map ? .map : .reduce, task: 0, attempt: 0),
            split: nil, partitions: 1, nodeName: "localhost", localDirectory: FileManager.default.currentDirectoryPath
        )
        switch function {
        case .map:
            var mapper = Job.makeMapper(configuration: configuration)
            let mapOutput = MapOutput(writer: writer)
            try mapper.setup(context: context)
            var offset: Int64 = 0
            while let line = try lines.next() {
                var key = (UInt64(bitPattern: offset) ^ (1 << 63)).bigEndian
                try withUnsafeBytes(of: &key) { try mapper.map(InputRecord(key: $0, value: line, offset: offset), output: mapOutput) }
                offset += Int64(line.count) + 1
            }
            try mapper.cleanup(output: mapOutput)
        case .combine, .reduce:
            let made = function == .combine ? Job.makeCombiner(configuration: configuration) : Job.makeReducer(configuration: configuration)
            var reducer = made ?? IdentityReducer()
            let reduceOutput = ReduceOutput(writer: writer)
            let stream = KeyValueLineStream<Job.Key, Job.Value>(lines: lines)
            try reducer.setup(context: context)
            _ = try forEachGroup(of: stream) { key, values in try reducer.reduce(key: key, values: &values, output: reduceOutput) }
            try reducer.cleanup(output: reduceOutput)
        }
        try writer.close()
    }
}

/// A line a streaming function cannot read, or a bad invocation.
public struct StreamingProgramError: Error, CustomStringConvertible, Sendable {
    /// What was wrong and what to do.
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Lines of a file descriptor (LF or CRLF terminated), each valid until the next call.
final class StandardLines {
    private let fd: Int32
    private var storage: UnsafeMutableRawPointer
    private var capacity = 1 << 16
    private var start = 0
    private var end = 0
    private var atEnd = false
    private(set) var number = 0

    init(fd: Int32) {
        self.fd = fd
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    func next() throws -> UnsafeRawBufferPointer? {
        while true {
            if let found = memchr(storage + start, 10, end - start) {
                let newline = UnsafeRawPointer(found) - UnsafeRawPointer(storage)
                var lineEnd = newline
                if lineEnd > start && storage.load(fromByteOffset: lineEnd - 1, as: UInt8.self) == 13 { lineEnd -= 1 }
                let line = UnsafeRawBufferPointer(start: storage + start, count: lineEnd - start)
                start = newline + 1
                number += 1
                return line
            }
            if atEnd {
                guard start < end else { return nil }
                let line = UnsafeRawBufferPointer(start: storage + start, count: end - start)
                start = end
                number += 1
                return line
            }
            if start > 0 {
                memmove(storage, storage + start, end - start)
                end -= start
                start = 0
            }
            if end == capacity {
                capacity *= 2
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
                bigger.copyMemory(from: storage, byteCount: end)
                storage.deallocate()
                storage = bigger
            }
            let count = read(fd, storage + end, capacity - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw StreamingProgramError("reading standard input failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { atEnd = true }
            end += count
        }
    }
}

/// `key<TAB>value` lines of a sorted input as a record stream, keys and values
/// parsed from text and held encoded, as the shuffle would hand them over.
final class KeyValueLineStream<Key: TextParsable, Value: TextParsable>: RecordStream {
    private let lines: StandardLines
    private var record = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 16)
    private var capacity = 256
    private var keyCount = 0
    private var valueCount = 0
    private var scratch: [UInt8] = []

    init(lines: StandardLines) { self.lines = lines }

    deinit { record.deallocate() }

    func advance() throws -> Bool {
        guard let line = try lines.next() else { return false }
        let tab = line.firstIndex(of: 9)
        let keyText = UnsafeRawBufferPointer(rebasing: line[..<(tab ?? line.endIndex)])
        let valueText = UnsafeRawBufferPointer(rebasing: line[(tab.map { $0 + 1 } ?? line.endIndex)...])
        guard let parsedKey = Key(text: keyText) else {
            throw StreamingProgramError("line \(lines.number): key '\(String(decoding: keyText, as: UTF8.self))' is not a \(Key.self)")
        }
        guard let parsedValue = Value(text: valueText) else {
            throw StreamingProgramError("line \(lines.number): value '\(String(decoding: valueText, as: UTF8.self))' is not a \(Value.self); "
                + "the input must be key<TAB>value lines as the mapper prints them")
        }
        scratch.removeAll(keepingCapacity: true)
        parsedKey.encode(into: &scratch)
        keyCount = scratch.count
        parsedValue.encode(into: &scratch)
        valueCount = scratch.count - keyCount
        if scratch.count > capacity {
            record.deallocate()
            capacity = max(scratch.count, capacity * 2)
            record = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        }
        scratch.withUnsafeBytes { if let base = $0.baseAddress { record.copyMemory(from: base, byteCount: $0.count) } }
        return true
    }

    var currentKey: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: record, count: keyCount) }
    var currentValue: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: record + keyCount, count: valueCount) }
}

/// Writes records as `key<TAB>value` lines to a file descriptor. A mapper's
/// records arrive encoded and are decoded by the job's types; a reducer's
/// arrive as text already (it renders text for text output).
final class TextLineWriter<Key: TextParsable, Value: TextParsable>: RecordWriter {
    private let fd: Int32
    private let decodesEncoded: Bool
    private var buffer: [UInt8] = []
    private(set) var records: Int64 = 0

    init(fd: Int32, decodesEncoded: Bool) {
        self.fd = fd
        self.decodesEncoded = decodesEncoded
        buffer.reserveCapacity(1 << 16)
    }

    var rendersText: Bool { !decodesEncoded }

    func write(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer?) throws {
        if decodesEncoded {
            Key(decoding: key).appendText(to: &buffer)
        } else {
            buffer.append(contentsOf: key)
        }
        if let value {
            buffer.append(9)
            if decodesEncoded { Value(decoding: value).appendText(to: &buffer) } else { buffer.append(contentsOf: value) }
        }
        buffer.append(10)
        records += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    func close() throws { try flush() }

    private func flush() throws {
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StreamingProgramError("writing standard output failed: \(String(cString: strerror(errno)))")
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
