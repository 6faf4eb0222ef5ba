import ArgumentParser
import Cluster
import ClusterProfiles
import Foundation
import Jobs
import MapReduce

/// `miniproc run`: creates an embedded cluster from a profile, runs one program
/// of the job library on it with Hadoop-style progress and counters, and deletes it.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a job of the library on an embedded cluster created from a profile, then delete the cluster.",
        discussion: """
        Examples:
          miniproc run wordcount samples /tmp/wordcount-out
          miniproc run --profile standard -D mapreduce.job.reduces=4 terasort in out
          miniproc run teragen 1000000 /tmp/tera-in
        Run `miniproc jobs` for the list of programs.
        """
    )

    @Option(name: .long, help: "A profile name from ClusterProfiles/ (small, standard, highmem, …) or a path to a profile YAML.")
    var profile: String = ProfileLoader.defaultProfileName

    @Option(name: .customShort("D", allowingJoined: true), help: ArgumentHelp("A Hadoop property for the job, key=value (repeatable).", valueName: "key=value"))
    var properties: [String] = []

    @Argument(help: "The program to run (wordcount, terasort, grep, …).")
    var program: String

    @Argument(parsing: .captureForPassthrough, help: "The program's arguments, as Hadoop's examples take them.")
    var arguments: [String] = []

    func validate() throws {
        for property in properties where PropertyArguments.parse(property) == nil {
            throw ValidationError(PropertyError(text: property).description)
        }
        guard JobLibrary.program(named: program) != nil else {
            throw ValidationError(UnknownProgram(name: program).description)
        }
    }

    func run() async throws {
        guard let programType = JobLibrary.program(named: program) else { throw ExitCode(2) }
        let (trailing, programArguments) = try PropertyArguments.extract(from: arguments)
        var jobProperties: [String: String] = [:]
        for property in properties { if let pair = PropertyArguments.parse(property) { jobProperties[pair.key] = pair.value } }
        jobProperties.merge(trailing) { _, new in new }

        let log = HadoopLog()
        let loaded: LoadedProfile
        do {
            loaded = try ProfileLoader().load(profile)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        for warning in loaded.warnings { log.warn("miniproc.Profile", String(describing: warning)) }

        let cluster = EmbeddedCluster(profile: loaded.profile, log: log)
        switch try await cluster.run(program: programType, arguments: programArguments, properties: jobProperties) {
        case .succeeded:
            return
        case .usage(let message):
            FileHandle.standardError.write(Data("\(message)\n".utf8))
            throw ExitCode(2)
        case .failed:
            throw ExitCode(1)
        }
    }
}
