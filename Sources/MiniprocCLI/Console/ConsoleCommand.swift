import ArgumentParser

/// A command that writes through a ``Console`` instead of the process's standard
/// streams, so that ``Miniproc/main(arguments:console:)`` can run it with any console.
protocol ConsoleCommand: AsyncParsableCommand {
    /// Runs the command, writing to `console`.
    func run(console: Console) async throws
}

extension ConsoleCommand {
    /// Runs the command on the process's standard streams, as argument-parser's own `main()` does.
    mutating func run() async throws {
        try await run(console: .standard)
    }
}
