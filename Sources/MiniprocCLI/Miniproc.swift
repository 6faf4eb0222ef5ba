import ArgumentParser

/// `miniproc`: a local Dataproc — clusters of simulated nodes running real MapReduce jobs.
///
/// The executable calls ``runAndExit()``; a program or a test that embeds the
/// commands calls ``main(arguments:console:)`` with a console of its own.
public struct Miniproc: AsyncParsableCommand {
    /// The command's name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "miniproc",
        abstract: "A local, high-fidelity Google Cloud Dataproc: simulated clusters running real MapReduce jobs.",
        subcommands: [RunCommand.self, ServeCommand.self, SimulateCommand.self, JobsCommand.self, StreamFilterCommand.self]
    )

    /// The root command takes no options of its own.
    public init() {}
}
