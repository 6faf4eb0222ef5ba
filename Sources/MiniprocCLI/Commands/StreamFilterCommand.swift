import ArgumentParser
import Jobs
import MapReduce

/// `miniproc stream map|combine|reduce PROGRAM`: one function of a job of the
/// library as a Hadoop Streaming program over stdin and stdout, so the same
/// job runs on any Hadoop cluster through `hadoop-streaming.jar`.
struct StreamFilterCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Run a job's mapper, combiner or reducer as a Hadoop Streaming program over stdin and stdout.",
        discussion: """
        Examples:
          miniproc stream map wordcount < in.txt | LC_ALL=C sort | miniproc stream reduce wordcount
          hadoop jar hadoop-streaming.jar -files miniproc -mapper 'miniproc stream map wordcount' \\
              -reducer 'miniproc stream reduce wordcount' -input in -output out
        Programs that can stream: \(streamable.map { $0.name }.joined(separator: ", ")).
        """
    )

    /// The library's programs that also run as streaming programs.
    static var streamable: [any JobProgram.Type] { JobLibrary.programs.filter { $0 is any StreamableJob.Type } }

    @Argument(help: "map, combine or reduce.")
    var function: String

    @Argument(help: "The program whose function to run (wordcount).")
    var program: String

    @Option(name: .customShort("D", allowingJoined: true), help: ArgumentHelp("A Hadoop property for the function, key=value (repeatable).", valueName: "key=value"))
    var properties: [String] = []

    func validate() throws {
        guard StreamingProgram.Function(rawValue: function) != nil else {
            throw ValidationError("the function must be map, combine or reduce, got '\(function)'")
        }
        guard JobLibrary.program(named: program) is any StreamableJob.Type else {
            throw ValidationError("'\(program)' cannot run as a streaming program; these can: "
                + Self.streamable.map { $0.name }.joined(separator: ", "))
        }
        _ = try GenericOptions.split(properties.flatMap { ["-D", $0] })
    }

    func run(console: Console) async throws {
        guard let function = StreamingProgram.Function(rawValue: function),
              let job = JobLibrary.program(named: program) as? any StreamableJob.Type else { return }
        let (configured, _) = try GenericOptions.split(properties.flatMap { ["-D", $0] })
        do {
            try StreamingProgram.run(job, function, configuration: JobConfiguration(configured))
        } catch {
            console.printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}
