import ArgumentParser
import Jobs

/// `miniproc jobs`: lists the job library.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List the programs of the job library, by their Hadoop examples names."
    )

    func run() {
        print(JobLibrary.listing)
        print("\nRun one with: miniproc run PROGRAM ARGS...   (e.g. miniproc run wordcount samples out/wordcount)")
    }
}
