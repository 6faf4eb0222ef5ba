import MapReduce

/// What a job's driver program gets: a submitter that runs MapReduce jobs on
/// the cluster (each as its own YARN application) and a way to print lines
/// into the job's driver output.
public struct JobDriver: Sendable {
    /// Runs MapReduce jobs on the cluster; pass it to `JobProgram.run(arguments:configuration:submitter:)`.
    public let submitter: any JobSubmitter
    let log: JobLog

    /// Appends `line` to the driver output.
    public func print(_ line: String) { log.append(line) }
}

/// A job's driver program: submits MapReduce jobs through the driver and prints what it likes.
public typealias JobDriverProgram = @Sendable (JobDriver) async throws -> Void
