import Foundation
import MapReduce

/// One attempt's streaming program: started in its own directory on the
/// node, fed records as lines, its output lines cut into keys and values, its
/// stderr read for counters and status and kept as the attempt's log.
final class StreamingTask {
    private let spec: StreamingTaskSpec
    private let context: TaskContext
    private let process: PipedProcess
    private let fields: LineFields
    private let reporterPrefix: String?
    private let nonZeroExitIsFailure: Bool
    private let workDirectory: String
    private(set) var recordsWritten: Int64 = 0
    private var finished = false

    init(spec: StreamingTaskSpec, context: TaskContext) throws {
        self.spec = spec
        self.context = context
        let configuration = context.configuration
        let mapSide = spec.role == .mapper
        fields = LineFields(
            separator: configuration.string(mapSide ? StreamKey.mapOutputSeparator : StreamKey.reduceOutputSeparator, default: "\t"),
            keyFields: Int(try configuration.int(mapSide ? StreamKey.mapOutputKeyFields : StreamKey.reduceOutputKeyFields, default: 1))
        )
        reporterPrefix = configuration.flag(StreamKey.reporterEnabled, default: true)
            ? configuration.string(StreamKey.reporterPrefix, default: "reporter:") : nil
        nonZeroExitIsFailure = configuration.flag(StreamKey.nonZeroExitIsFailure, default: true)
        workDirectory = context.localDirectory + "/work-\(spec.role.rawValue)-\(UUID().uuidString.prefix(8))"
        let temporary = workDirectory + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        for (name, target) in spec.cache.sorted(by: { $0.key < $1.key }) {
            try FileManager.default.createSymbolicLink(atPath: workDirectory + "/" + name, withDestinationPath: target)
        }
        let environment = TaskEnvironmentVariables.make(context: context, spec: spec, workDirectory: workDirectory, temporary: temporary)
        let searchPath = environment.first { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) } ?? "/usr/bin:/bin"
        do {
            let executable = try spec.command.executable(
                in: workDirectory, searchPath: searchPath, shipped: spec.cache.keys.sorted(), role: spec.role.rawValue
            )
            process = try PipedProcess(
                executable: executable, arguments: spec.command.arguments, environment: environment, directory: workDirectory
            )
        } catch {
            try? FileManager.default.removeItem(atPath: workDirectory)
            throw error
        }
    }

    deinit {
        process.kill()
        removeWorkDirectory()
    }

    /// Writes `line` and a newline as one input line; output lines that come back go to `emit`.
    @inline(__always)
    func writeLine(_ line: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        recordsWritten += 1
        try process.write(line, cancellation: { try context.checkCancellation() }) { try route($0, $1, emit) }
        try endLine(emit: emit)
    }

    /// Writes `key`, `separator`, `value` and a newline as one input line.
    @inline(__always)
    func writeLine(
        _ key: UnsafeRawBufferPointer, _ separator: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer,
        emit: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        recordsWritten += 1
        try process.write(key, cancellation: { try context.checkCancellation() }) { try route($0, $1, emit) }
        try process.write(separator, cancellation: { try context.checkCancellation() }) { try route($0, $1, emit) }
        try process.write(value, cancellation: { try context.checkCancellation() }) { try route($0, $1, emit) }
        try endLine(emit: emit)
    }

    @inline(__always)
    private func endLine(emit: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        try withUnsafeBytes(of: UInt8(10)) { newline in
            try process.write(newline, cancellation: { try context.checkCancellation() }) { try route($0, $1, emit) }
        }
        if process.brokenPipe { try finish(emit: emit) }
    }

    /// Closes the program's input, drains its output and checks how it exited.
    func finish(emit: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        guard !finished else { return }
        finished = true
        defer { removeWorkDirectory() }
        let code = try process.finish(cancellation: { try context.checkCancellation() }) { try route($0, $1, emit) }
        let stderr = context.log.lastLines(10)
        if code != 0 && nonZeroExitIsFailure {
            throw StreamingError.subprocessFailed(command: spec.command.text, code: code, stderr: stderr)
        }
        if process.brokenPipe {
            throw StreamingError.brokenPipe(command: spec.command.text, code: code, recordsWritten: recordsWritten, stderr: stderr)
        }
    }

    @inline(__always)
    private func route(
        _ stream: PipedProcess.Stream, _ line: UnsafeRawBufferPointer, _ emit: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        switch stream {
        case .output: try fields.split(line, emit)
        case .error: Self.report(line, context: context, prefix: reporterPrefix)
        }
    }

    private static func report(_ line: UnsafeRawBufferPointer, context: TaskContext, prefix: String?) {
        if let prefix, line.count >= prefix.utf8.count, line.starts(with: prefix.utf8) {
            switch ReporterLine.parse(String(decoding: line, as: UTF8.self), prefix: prefix) {
            case let .counter(group, name, amount):
                context.increment(group, name, by: amount)
                return
            case let .status(message):
                context.status = message
                return
            case let .malformed(warning):
                appendLog(Array(("WARN streaming.PipeMapRed: " + warning).utf8)[...], to: context)
                return
            case .log:
                break
            }
        }
        line.withMemoryRebound(to: UInt8.self) { appendLog($0[...], to: context) }
    }

    private static func appendLog<Bytes: Collection<UInt8>>(_ bytes: Bytes, to context: TaskContext) {
        var copy = Array(bytes)
        copy.append(10)
        copy.withUnsafeBytes { context.log.append($0) }
    }

    private func removeWorkDirectory() {
        guard FileManager.default.fileExists(atPath: workDirectory) else { return }
        // Scratch inside the attempt's directory, which its launcher removes in any case.
        try? FileManager.default.removeItem(atPath: workDirectory)
    }
}
