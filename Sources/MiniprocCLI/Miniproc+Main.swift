import ArgumentParser
import Foundation

extension Miniproc {
    /// Parses `arguments` (without the executable's name), validates them, runs the
    /// command they name, and returns its exit code, writing everything to `console`.
    ///
    /// Errors are reported as argument-parser's `main()` reports them: help and
    /// other clean exits go to the output with code 0; a validation error goes to
    /// the error stream with the usage and `ExitCode.validationFailure` (64); an
    /// `ExitCode` a command throws is returned as it is, after the command has
    /// written its own message; any other error is written and returns 1.
    public static func main(arguments: [String], console: Console) async -> ExitCode {
        do {
            var command = try parseAsRoot(arguments)
            if let command = command as? any ConsoleCommand {
                try await command.run(console: console)
            } else if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            return .success
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { console.print(message) } else { console.printError(message) }
            }
            return code
        }
    }

    /// Runs `miniproc` as the executable: the process's arguments, standard output
    /// and standard error; exits the process with the command's exit code.
    public static func runAndExit() async -> Never {
        let code = await main(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard)
        Foundation.exit(code.rawValue)
    }
}
