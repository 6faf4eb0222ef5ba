import ArgumentParser
import Jobs

/// `miniproc jobs`: lists the job library.
struct JobsCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List the programs of the job library, by their Hadoop examples names."
    )

    func run(console: Console) {
        console.print(JobLibrary.listing)
        console.print("\nRun one with: miniproc run PROGRAM ARGS...   (e.g. miniproc run wordcount samples out/wordcount)")
    }
}
