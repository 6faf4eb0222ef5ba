/// Why a streaming task or job could not go on; every message says what to do.
public enum StreamingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The subprocess exited with a non-zero code.
    case subprocessFailed(command: String, code: Int32, stderr: [String])
    /// The subprocess stopped reading its input before all of it was written.
    case brokenPipe(command: String, code: Int32, recordsWritten: Int64, stderr: [String])
    /// A command that cannot run as given.
    case badCommand(String)
    /// A pipe or process call failed.
    case io(String)

    public var description: String {
        switch self {
        case let .subprocessFailed(command, code, stderr):
            return "PipeMapRed.waitOutputThreads(): subprocess failed with code \(code) (command: \(command))" + Self.tail(stderr)
        case let .brokenPipe(command, code, records, stderr):
            return "java.io.IOException: Broken pipe: the subprocess (command: \(command)) stopped reading its input after "
                + "\(records) records and exited with code \(code); a streaming program must read all of its input" + Self.tail(stderr)
        case let .badCommand(message), let .io(message):
            return message
        }
    }

    private static func tail(_ lines: [String]) -> String {
        lines.isEmpty ? "" : "; last stderr lines:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
    }
}
