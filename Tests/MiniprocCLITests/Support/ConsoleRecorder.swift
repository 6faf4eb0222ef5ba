import MiniprocCLI
import Synchronization

/// A console that keeps what a command writes, for exact comparison.
final class ConsoleRecorder: Sendable {
    private let streams = Mutex<(output: String, error: String)>(("", ""))

    /// What was written to the output.
    var output: String { streams.withLock { $0.output } }
    /// What was written to the error stream.
    var error: String { streams.withLock { $0.error } }

    /// The console that writes here.
    var console: Console {
        Console(
            writeOutput: { text in self.streams.withLock { $0.output += text } },
            writeError: { text in self.streams.withLock { $0.error += text } }
        )
    }
}
