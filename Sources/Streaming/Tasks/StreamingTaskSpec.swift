import Foundation
import MapReduce

/// Everything one streaming task needs to start its program and speak its
/// line protocol: the same for every attempt of a job's mappers, combiners or reducers.
public struct StreamingTaskSpec: Sendable, Hashable {
    /// What the program is to the job.
    public enum Role: String, Sendable, Hashable {
        case mapper, combiner, reducer
    }

    /// The program and its arguments.
    public var command: StreamCommand
    /// Mapper, combiner or reducer.
    public var role: Role
    /// Files and unpacked archives linked into every task directory, by the name they are linked under.
    public var cache: [String: String]
    /// `-cmdenv NAME=VALUE` variables, applied after the job's properties.
    public var environment: [String: String]
    /// What the job reads, which decides what a mapper's input lines hold.
    public var inputFormat: InputFormatName

    /// A spec for `command` in `role`.
    public init(
        command: StreamCommand, role: Role, cache: [String: String] = [:], environment: [String: String] = [:],
        inputFormat: InputFormatName = .text
    ) {
        self.command = command
        self.role = role
        self.cache = cache
        self.environment = environment
        self.inputFormat = inputFormat
    }
}

/// The streaming properties a task reads, with Hadoop's names and defaults.
enum StreamKey {
    static let mapInputSeparator = "stream.map.input.field.separator"
    static let mapOutputSeparator = "stream.map.output.field.separator"
    static let mapOutputKeyFields = "stream.num.map.output.key.fields"
    static let reduceInputSeparator = "stream.reduce.input.field.separator"
    static let reduceOutputSeparator = "stream.reduce.output.field.separator"
    static let reduceOutputKeyFields = "stream.num.reduce.output.key.fields"
    static let ignoreKey = "stream.map.input.ignoreKey"
    static let nonZeroExitIsFailure = "stream.non.zero.exit.is.failure"
    static let reporterEnabled = "stream.stderr.reporter.enabled"
    static let reporterPrefix = "stream.stderr.reporter.prefix"
}

extension JobConfiguration {
    /// A `true`/`false` property, Java's `Boolean.parseBoolean` way (anything but `true` is false).
    func flag(_ key: String, default defaultValue: Bool) -> Bool {
        guard let text = self[key] else { return defaultValue }
        return text.trimmingCharacters(in: .whitespaces).lowercased() == "true"
    }
}
