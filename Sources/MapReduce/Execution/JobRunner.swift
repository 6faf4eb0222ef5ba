import Foundation
import Synchronization

/// Runs a `MapReduceJob` to completion: the job's application master.
///
/// It checks the output, computes splits, runs one map attempt per split
/// through its `TaskLauncher`, retries failed attempts up to
/// `mapreduce.map.maxattempts` / `mapreduce.reduce.maxattempts` (on another
/// node when it can), re-runs maps whose output was lost, runs the reducers
/// once every map is done, and commits — or, on failure or cancellation,
/// removes everything it wrote.
public struct JobRunner: Sendable {
    /// Where attempts run.
    public let launcher: any TaskLauncher

    /// A runner that launches attempts through `launcher`.
    public init(launcher: any TaskLauncher) { self.launcher = launcher }

    /// A new job identifier in Hadoop's shape (`<timestamp>_<sequence>`).
    public static func makeJobID() -> String {
        let sequence = jobSequence.add(1, ordering: .relaxed).newValue
        let stamp = Int64(Date().timeIntervalSince1970 * 1000)
        return "\(stamp)_\(String(format: "%04d", sequence))"
    }

    /// Runs `job`; `progress` hears each change of whole map/reduce percentage.
    public func run(_ job: MapReduceJob, id: String = makeJobID(), progress: (@Sendable (JobProgress) -> Void)? = nil) async throws -> JobResult {
        let committer = FileOutputCommitter(outputPath: job.output.path)
        let attempts = AttemptLog()
        let partitions: Int
        let splits: [InputSplit]
        do {
            partitions = try job.reduceTasks()
            try committer.checkOutputSpecs()
            splits = try job.input.splits(configuration: job.configuration)
        } catch {
            throw JobFailure(jobID: id, task: nil, message: String(describing: error), attempts: [])
        }
        let tracker = ProgressTracker(maps: splits.count, reduces: partitions, report: progress)
        let mapOutputs = MapOutputTable(count: splits.count)
        do {
            try committer.setupJob()
            let maxMapAttempts = max(1, Int(try job.configuration.int(ConfigKey.mapMaxAttempts, default: 4)))
            let maxReduceAttempts = max(1, Int(try job.configuration.int(ConfigKey.reduceMaxAttempts, default: 4)))
            let context = RunContext(
                job: job, id: id, partitions: partitions, splits: splits, committer: committer,
                launcher: launcher, attempts: attempts, tracker: tracker, mapOutputs: mapOutputs,
                maxMapAttempts: maxMapAttempts, maxReduceAttempts: maxReduceAttempts
            )
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in splits.indices {
                    group.addTask { try await context.runMap(index) }
                }
                try await group.waitForAll()
            }
            try Task.checkCancellation()
            if partitions > 0 {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for partition in 0..<partitions {
                        group.addTask { try await context.runReduce(partition) }
                    }
                    try await group.waitForAll()
                }
            }
            try Task.checkCancellation()
            try committer.commitJob()
        } catch {
            let leftover = Self.abort(committer)
            for output in mapOutputs.all() { launcher.discard(output) }
            if var failure = error as? JobFailure {
                failure.message += leftover
                throw failure.with(attempts: attempts.all())
            }
            let message = error is CancellationError ? "the job was cancelled" : String(describing: error)
            throw JobFailure(jobID: id, task: nil, message: message + leftover, attempts: attempts.all())
        }
        for output in mapOutputs.all() { launcher.discard(output) }
        let reports = attempts.all()
        var counters = Counters()
        for report in reports where report.succeeded { counters.add(report.counters) }
        counters[.launchedMaps] = Int64(reports.filter { $0.attempt.kind == .map }.count)
        counters[.launchedReduces] = Int64(reports.filter { $0.attempt.kind == .reduce }.count)
        let failedMaps = reports.filter { $0.attempt.kind == .map && !$0.succeeded }.count
        let failedReduces = reports.filter { $0.attempt.kind == .reduce && !$0.succeeded }.count
        if failedMaps > 0 { counters[.failedMaps] = Int64(failedMaps) }
        if failedReduces > 0 { counters[.failedReduces] = Int64(failedReduces) }
        return JobResult(id: id, name: job.name, outputPath: job.output.path, counters: counters, attempts: reports)
    }
}

extension JobRunner {
    /// Removes a failed job's output; what to add to its failure when some stays behind.
    static func abort(_ committer: FileOutputCommitter) -> String {
        do {
            try committer.abortJob()
            return ""
        } catch {
            return "; its partial output could not be removed (\(error)): delete file:\(committer.outputPath) by hand"
        }
    }
}

private let jobSequence = Atomic<Int>(0)

extension JobFailure {
    func with(attempts: [TaskAttemptReport]) -> JobFailure {
        var copy = self
        copy.attempts = attempts
        return copy
    }
}

/// Everything the map and reduce loops of one run share.
private struct RunContext: Sendable {
    let job: MapReduceJob
    let id: String
    let partitions: Int
    let splits: [InputSplit]
    let committer: FileOutputCommitter
    let launcher: any TaskLauncher
    let attempts: AttemptLog
    let tracker: ProgressTracker
    let mapOutputs: MapOutputTable
    let maxMapAttempts: Int
    let maxReduceAttempts: Int

    func runMap(_ index: Int) async throws {
        var excluded = Set<String>()
        var lastError = ""
        for _ in 0..<maxMapAttempts {
            let attempt = TaskAttemptID(jobID: id, kind: .map, task: index, attempt: attempts.nextAttempt(.map, index))
            let task = MapTask(job: job, split: splits[index], attempt: attempt, partitions: partitions, committer: committer)
            switch try await runAttempt(attempt, excluding: excluded, outcome: \.outcome, task.run) {
            case .success(let result):
                if let output = result.output { mapOutputs.set(index, output) }
                return
            case .failure(let failure):
                lastError = String(describing: failure.underlying)
                excluded.insert(failure.nodeName)
            }
            try Task.checkCancellation()
        }
        throw JobFailure(jobID: id, task: TaskAttemptID(jobID: id, kind: .map, task: index, attempt: 0).taskName,
                         message: "failed \(maxMapAttempts) times; last error: \(lastError)", attempts: [])
    }

    func runReduce(_ partition: Int) async throws {
        var excluded = Set<String>()
        var lastError = ""
        var failures = 0
        var refetches = 0
        while failures < maxReduceAttempts {
            // Maps whose output was lost with its node run again before the reducer fetches.
            for index in splits.indices {
                if let output = mapOutputs.get(index), !launcher.isAvailable(output) {
                    try await rerunMap(index, lost: output)
                }
            }
            let outputs = splits.indices.compactMap { mapOutputs.get($0) }
            let attempt = TaskAttemptID(jobID: id, kind: .reduce, task: partition, attempt: attempts.nextAttempt(.reduce, partition))
            let task = ReduceTask(job: job, partition: partition, partitions: partitions, mapOutputs: outputs, attempt: attempt, committer: committer)
            switch try await runAttempt(attempt, excluding: excluded, outcome: { $0 }, task.run) {
            case .success:
                return
            case .failure(let failure):
                lastError = String(describing: failure.underlying)
                if case let .mapOutputLost(index, _, _) = failure.underlying as? ShuffleError, refetches < 10 * splits.count {
                    // A fetch failure is the map's fault, not the reducer's: re-run the map, retry the fetch.
                    refetches += 1
                    if let output = mapOutputs.get(index) { try await rerunMap(index, lost: output) }
                    continue
                }
                failures += 1
                excluded.insert(failure.nodeName)
            }
            try Task.checkCancellation()
        }
        throw JobFailure(jobID: id, task: TaskAttemptID(jobID: id, kind: .reduce, task: partition, attempt: 0).taskName,
                         message: "failed \(maxReduceAttempts) times; last error: \(lastError)", attempts: [])
    }

    /// Runs one attempt through the launcher, records it, and returns its result
    /// or its failure; cancellation of the job is rethrown.
    private func runAttempt<T: Sendable>(
        _ attempt: TaskAttemptID,
        excluding excluded: Set<String>,
        outcome: @escaping @Sendable (T) -> TaskOutcome,
        _ work: @escaping @Sendable (TaskEnvironment, @escaping (Double) -> Void) throws -> T
    ) async throws -> Result<T, AttemptError> {
        let tracker = self.tracker
        do {
            let (result, node) = try await launcher.launch(attempt, excludedNodes: excluded) { environment in
                do {
                    let result = try work(environment) { tracker.update(attempt.kind, task: attempt.task, fraction: $0) }
                    return (result, environment.nodeName)
                } catch let failure as TaskOutcome.Failure {
                    throw AttemptError(nodeName: environment.nodeName, underlying: failure.underlying, status: failure.status, log: failure.log)
                } catch {
                    throw AttemptError(nodeName: environment.nodeName, underlying: error)
                }
            }
            let finished = outcome(result)
            attempts.record(TaskAttemptReport(
                attempt: attempt, nodeName: node, error: nil, counters: finished.counters, status: finished.status, log: finished.log
            ))
            return .success(result)
        } catch let failure as AttemptError {
            if failure.underlying is TaskKilled && Task.isCancelled { throw CancellationError() }
            committer.abortTask(attempt)
            attempts.record(TaskAttemptReport(
                attempt: attempt, nodeName: failure.nodeName, error: String(describing: failure.underlying), counters: Counters(),
                status: failure.status, log: failure.log
            ))
            tracker.update(attempt.kind, task: attempt.task, fraction: 0)
            return .failure(failure)
        }
    }

    /// Runs map `index` again unless another reducer already did.
    private func rerunMap(_ index: Int, lost: MapOutputFile) async throws {
        guard mapOutputs.claimRerun(index, lost: lost) else {
            try await mapOutputs.waitForReplacement(of: index, lost: lost)
            return
        }
        try await runMap(index)
    }
}

/// An attempt's failure, tagged with the node it ran on.
private struct AttemptError: Error, @unchecked Sendable {
    // Unchecked: built once in the failing attempt and only read afterwards.
    var nodeName: String
    var underlying: any Error
    var status: String? = nil
    var log = TaskLog()
}

/// What one attempt leaves in its report besides its output.
struct TaskOutcome: Sendable {
    var counters: Counters
    var status: String?
    var log: TaskLog

    /// Runs an attempt's work; an error it throws leaves with the attempt's status and log.
    static func capturing<T>(_ context: TaskContext, _ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch {
            throw Failure(underlying: error, status: context.status, log: context.log)
        }
    }

    /// An attempt's error, with the status and log it had when it failed.
    struct Failure: Error, @unchecked Sendable {
        // Unchecked: built once in the failing attempt and only read afterwards.
        var underlying: any Error
        var status: String?
        var log: TaskLog
    }
}

/// Every attempt of a run, and the next attempt number of each task.
private final class AttemptLog: Sendable {
    private struct State {
        var reports: [TaskAttemptReport] = []
        var next: [String: Int] = [:]
    }
    private let state = Mutex(State())

    func nextAttempt(_ kind: TaskKind, _ task: Int) -> Int {
        state.withLock { state in
            let key = "\(kind.rawValue)\(task)"
            let value = state.next[key, default: 0]
            state.next[key] = value + 1
            return value
        }
    }

    func record(_ report: TaskAttemptReport) { state.withLock { $0.reports.append(report) } }

    func all() -> [TaskAttemptReport] { state.withLock { $0.reports.sorted { $0.attempt < $1.attempt } } }
}

/// The current output of every map task.
private final class MapOutputTable: Sendable {
    private struct Waiter {
        var id: Int
        var index: Int
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var outputs: [MapOutputFile?]
        var rerunning: Set<Int> = []
        var waiters: [Waiter] = []
        var nextWaiter = 0
    }
    private let state: Mutex<State>

    init(count: Int) { state = Mutex(State(outputs: Array(repeating: nil, count: count))) }

    func set(_ index: Int, _ output: MapOutputFile) {
        let woken = state.withLock { state -> [Waiter] in
            state.outputs[index] = output
            state.rerunning.remove(index)
            let woken = state.waiters.filter { $0.index == index }
            state.waiters.removeAll { $0.index == index }
            return woken
        }
        for waiter in woken { waiter.continuation.resume() }
    }

    func get(_ index: Int) -> MapOutputFile? { state.withLock { $0.outputs[index] } }

    func all() -> [MapOutputFile] { state.withLock { $0.outputs.compactMap { $0 } } }

    /// True if the caller should re-run the map: its output is still the lost one and nobody is re-running it.
    func claimRerun(_ index: Int, lost: MapOutputFile) -> Bool {
        state.withLock { state in
            guard state.outputs[index] == lost, !state.rerunning.contains(index) else { return false }
            state.rerunning.insert(index)
            return true
        }
    }

    /// Suspends until map `index` has an output other than `lost` (another reducer is re-running it).
    func waitForReplacement(of index: Int, lost: MapOutputFile) async throws {
        let id = state.withLock { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready = state.withLock { state -> Bool in
                    if state.outputs[index] != lost { return true }
                    state.waiters.append(Waiter(id: id, index: index, continuation: continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> Waiter? in
                guard let position = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: position)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }
}
