import ArgumentParser
import Cluster
import ClusterProfiles
import Foundation
import Jobs
import MapReduce
import Streaming

/// `miniproc run`: creates an embedded cluster from a profile, runs one program
/// of the job library on it with Hadoop-style progress and counters, and deletes it.
///
/// Exit codes: 0 when the job is DONE; 1 when it failed (the error stream says
/// why); 2 when the program rejected its arguments (its usage follows); 64 for
/// options rejected before any cluster is created. A streaming job exits as
/// Hadoop's does: 1 for bad arguments or a failed job, 2 for a bad input path,
/// 4 for an output that exists.
struct RunCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a job of the library on an embedded cluster created from a profile, then delete the cluster.",
        discussion: """
        Examples:
          miniproc run wordcount samples /tmp/wordcount-out
          miniproc run --profile standard -D mapreduce.job.reduces=4 terasort in out
          miniproc run teragen 1000000 /tmp/tera-in
          miniproc run streaming -files mapper.py,reducer.py -input in -output out -mapper mapper.py -reducer reducer.py
        Run `miniproc jobs` for the list of programs; `miniproc run streaming -help` for streaming's options.
        """
    )

    /// The exit code of a program that rejected its arguments, as Hadoop's `ToolRunner` returns.
    static let usageExitCode = ExitCode(2)

    @OptionGroup var profileOptions: ProfileOptions

    @Option(name: .customShort("D", allowingJoined: true), help: ArgumentHelp("A Hadoop property for the job, key=value (repeatable).", valueName: "key=value"))
    var properties: [String] = []

    @Argument(help: "The program to run (wordcount, terasort, grep, …).")
    var program: String

    @Argument(parsing: .captureForPassthrough, help: "The program's arguments, as Hadoop's examples take them.")
    var arguments: [String] = []

    func validate() throws {
        do {
            _ = try invocation()
        } catch {
            throw ValidationError(error.description)
        }
        guard Programs.program(named: program) != nil else {
            throw ValidationError("Unknown program '\(program)' chosen.\n" + Programs.listing)
        }
    }

    /// The job's properties — `-D` options before the program name, overridden by
    /// those after it — and the program's own arguments.
    ///
    /// - Throws: `GenericOptionsError` for a `-D` that is not `key=value`.
    func invocation() throws(GenericOptionsError) -> (properties: [String: String], arguments: [String]) {
        let (leading, _) = try GenericOptions.split(properties.flatMap { ["-D", $0] })
        // A program that reads its generic options itself gets them as given.
        if Programs.program(named: program)?.readsGenericOptions == true { return (leading, arguments) }
        let (trailing, programArguments) = try GenericOptions.split(arguments)
        return (leading.merging(trailing) { _, new in new }, programArguments.map(\.text))
    }

    func run(console: Console) async throws {
        guard let programType = Programs.program(named: program) else {
            throw ValidationError("Unknown program '\(program)' chosen.\n" + Programs.listing)
        }
        let (jobProperties, programArguments) = try invocation()
        let log = HadoopLog(console: console)
        let loaded = try profileOptions.load()
        for warning in loaded.warnings { log.warn("miniproc.Profile", String(describing: warning)) }

        let cluster = EmbeddedCluster(profile: loaded.profile, log: log)
        switch try await cluster.run(program: programType, arguments: programArguments, properties: jobProperties) {
        case .succeeded:
            return
        case .usage(let message):
            console.printError(message)
            throw Self.usageExitCode
        case .failed(let message):
            console.printError("error: \(message)")
            throw ExitCode.failure
        case .streamingFailed(let error):
            console.printError(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
