import ArgumentParser

/// `miniproc`: a local Dataproc — clusters of simulated nodes running real MapReduce jobs.
@main
struct Miniproc: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "miniproc",
        abstract: "A local, high-fidelity Google Cloud Dataproc: simulated clusters running real MapReduce jobs.",
        subcommands: [RunCommand.self, ServeCommand.self, SimulateCommand.self, JobsCommand.self]
    )
}
