import Foundation
import Synchronization

/// Runs task attempts somewhere: the seam between the engine and whatever
/// provides compute — a pool of local threads, or containers on a cluster's nodes.
public protocol TaskLauncher: Sendable {
    /// Runs `body` for `attempt` once a slot (or container) is free, on a node not
    /// in `excludedNodes` when possible, and returns its result. `body` blocks: the
    /// launcher runs it off the cooperative thread pool.
    func launch<T: Sendable>(
        _ attempt: TaskAttemptID,
        excludedNodes: Set<String>,
        _ body: @escaping @Sendable (TaskEnvironment) throws -> T
    ) async throws -> T

    /// Whether a map output can still be read (false once its node is lost).
    func isAvailable(_ output: MapOutputFile) -> Bool

    /// Deletes a map output that is no longer needed and frees its disk space.
    func discard(_ output: MapOutputFile)
}

extension TaskLauncher {
    public func isAvailable(_ output: MapOutputFile) -> Bool {
        FileManager.default.fileExists(atPath: output.path)
    }

    public func discard(_ output: MapOutputFile) {
        let directory = (output.path as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: directory) else { return }
        // A map output is scratch under the launcher's own directory, which the
        // launcher's owner removes when done (`LocalTaskLauncher.cleanUp()` throws
        // when it cannot), so a failure here leaves nothing behind for good.
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Where a task attempt runs: its node, its local directory and disk, and its cancellation flag.
public struct TaskEnvironment: Sendable {
    /// The node's name.
    public var nodeName: String
    /// A directory on the node's local disk for this attempt's intermediate files.
    public var localDirectory: String
    /// Accounts the attempt's writes against the node's disk.
    public var disk: any DiskAccountant
    /// Set when the attempt must stop (job cancelled, container killed).
    public var cancellation: CancellationFlag

    /// An environment.
    public init(nodeName: String, localDirectory: String, disk: any DiskAccountant, cancellation: CancellationFlag) {
        self.nodeName = nodeName
        self.localDirectory = localDirectory
        self.disk = disk
        self.cancellation = cancellation
    }
}

/// A flag that tells running task code to stop; checked between records.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    private let reasonText = Mutex<String?>(nil)

    /// A flag that is not set.
    public init() {}

    /// Sets the flag, with the reason the task will report.
    public func cancel(reason: String = "the task was cancelled") {
        reasonText.withLock { if $0 == nil { $0 = reason } }
        flag.store(true, ordering: .releasing)
    }

    /// True once `cancel` was called.
    public var isCancelled: Bool { flag.load(ordering: .acquiring) }

    /// Why the task was cancelled.
    public var reason: String { reasonText.withLock { $0 } ?? "the task was cancelled" }

    /// Throws `TaskKilled` if the flag is set.
    public func check() throws {
        if isCancelled { throw TaskKilled(reason: reason) }
    }
}

/// A task attempt stopped from outside: the job was cancelled or its container killed.
public struct TaskKilled: Error, CustomStringConvertible, Sendable {
    /// Why it was stopped.
    public var reason: String
    /// A kill with `reason`.
    public init(reason: String) { self.reason = reason }
    public var description: String { reason }
}
