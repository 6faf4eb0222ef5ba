/// A driver program, named and invoked like a program of Hadoop's examples jar
/// (`wordcount IN... OUT`): it parses its arguments and submits MapReduce jobs
/// through the submitter it is given, as Hadoop's `Tool`s do. The job library's
/// programs are ones; a user's own is another.
public protocol JobProgram: Sendable {
    /// The examples-jar name (`wordcount`).
    static var name: String { get }
    /// The Hadoop class that this program stands in for (`org.apache.hadoop.examples.WordCount`).
    static var hadoopClass: String { get }
    /// One line on what it does.
    static var summary: String { get }
    /// The argument synopsis, as Hadoop prints it (`wordcount <in> [<in>...] <out>`).
    static var usage: String { get }
    /// Runs the program: parses `arguments`, submits one or more jobs, and returns what it prints.
    static func run(arguments: [String], configuration: JobConfiguration, submitter: any JobSubmitter) async throws -> ProgramOutcome
    /// True when the program reads Hadoop's generic options (`-D`, `-files`…)
    /// itself, in order, as streaming does; otherwise `-D key=value` options are
    /// taken out of its arguments, wherever they are, before it runs.
    static var readsGenericOptions: Bool { get }
}

extension JobProgram {
    public static var readsGenericOptions: Bool { false }
}

/// What a program produced: the jobs it ran and the lines it prints at the end.
public struct ProgramOutcome: Sendable {
    /// Every job the program ran, in order.
    public var results: [JobResult]
    /// Lines to print after the jobs (pi's estimate, wordmean's mean…).
    public var messages: [String]

    /// An outcome.
    public init(results: [JobResult], messages: [String] = []) {
        self.results = results
        self.messages = messages
    }
}

/// Arguments a program cannot run with; the message is its usage line.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    /// What was wrong, then `Usage: …`.
    public var message: String

    /// A usage error for `program` explaining `problem`.
    public init(_ program: any JobProgram.Type, _ problem: String) {
        message = "\(problem)\nUsage: \(program.usage)"
    }

    public var description: String { message }
}
