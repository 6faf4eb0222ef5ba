import Foundation

/// Where `miniproc`'s commands write: the process's standard output and standard
/// error in the executable, memory (or anything else) when a program embeds the
/// commands or a test runs them.
///
/// Both closures receive text exactly as it is to appear, newlines included, and
/// may be called from any thread.
public struct Console: Sendable {
    /// Writes text to the command's output.
    public var writeOutput: @Sendable (String) -> Void
    /// Writes text to the command's error stream: warnings and errors.
    public var writeError: @Sendable (String) -> Void

    /// A console that sends output to `writeOutput` and errors to `writeError`.
    public init(writeOutput: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void) {
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The process's standard output and standard error, flushed at every write
    /// so that progress shows while a job runs and interleaves with errors in order.
    public static let standard = Console(
        writeOutput: { text in
            Swift.print(text, terminator: "")
            fflush(nil)
        },
        writeError: { text in FileHandle.standardError.write(Data(text.utf8)) }
    )

    /// Writes `line` and a newline to the output.
    func print(_ line: String) { writeOutput(line + "\n") }

    /// Writes `line` and a newline to the error stream.
    func printError(_ line: String) { writeError(line + "\n") }
}
