import ArgumentParser
import MiniprocCLI

/// What running `miniproc` in-process produced.
struct CommandResult: Sendable {
    /// The exit code the executable would exit with.
    var exitCode: ExitCode
    /// Everything written to the output.
    var output: String
    /// Everything written to the error stream.
    var error: String

    /// The error stream's first line: argument-parser's `Error: …` for a rejected option.
    var firstErrorLine: Substring { error.split(separator: "\n", omittingEmptySubsequences: false).first ?? "" }

    /// Runs `miniproc ARGUMENTS…` in this process, as the executable would, capturing what it writes.
    static func miniproc(_ arguments: String...) async -> CommandResult {
        await miniproc(arguments)
    }

    /// Runs `miniproc ARGUMENTS…` in this process, as the executable would, capturing what it writes.
    static func miniproc(_ arguments: [String]) async -> CommandResult {
        let recorder = ConsoleRecorder()
        let code = await Miniproc.main(arguments: arguments, console: recorder.console)
        return CommandResult(exitCode: code, output: recorder.output, error: recorder.error)
    }
}
