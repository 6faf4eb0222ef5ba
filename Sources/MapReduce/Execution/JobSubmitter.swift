/// Accepts MapReduce jobs and runs them to completion; programs with several
/// stages (grep, terasort's sampling) submit each stage through it.
public protocol JobSubmitter: Sendable {
    /// Runs `job` and returns its result, or throws `JobFailure`.
    func submit(_ job: MapReduceJob) async throws -> JobResult
}

/// Submits jobs to a `JobRunner`, reporting each job's progress to one callback.
public struct RunnerSubmitter: JobSubmitter {
    /// The runner.
    public let runner: JobRunner
    /// Hears each job's progress.
    public let progress: (@Sendable (MapReduceJob, JobProgress) -> Void)?

    /// A submitter for `runner`.
    public init(runner: JobRunner, progress: (@Sendable (MapReduceJob, JobProgress) -> Void)? = nil) {
        self.runner = runner
        self.progress = progress
    }

    public func submit(_ job: MapReduceJob) async throws -> JobResult {
        guard let progress else { return try await runner.run(job) }
        let report: @Sendable (JobProgress) -> Void = { progress(job, $0) }
        return try await runner.run(job, progress: report)
    }
}
