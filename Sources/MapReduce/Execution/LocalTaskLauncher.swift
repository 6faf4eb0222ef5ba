import Foundation

/// Runs attempts on this machine's threads, at most `parallelism` at once (by
/// default one per core), with intermediate files under a scratch directory.
public final class LocalTaskLauncher: TaskLauncher {
    private let slots: AsyncSemaphore
    private let scratchDirectory: String
    /// The node name reported for every attempt.
    public let nodeName: String

    /// A launcher with `parallelism` slots writing intermediate files under `scratchDirectory`.
    public init(parallelism: Int = ProcessInfo.processInfo.activeProcessorCount, scratchDirectory: String? = nil, nodeName: String = "localhost") {
        self.slots = AsyncSemaphore(permits: max(1, parallelism))
        self.scratchDirectory = scratchDirectory
            ?? NSTemporaryDirectory() + "miniproc-local-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        self.nodeName = nodeName
    }

    public func launch<T: Sendable>(
        _ attempt: TaskAttemptID,
        excludedNodes: Set<String>,
        _ body: @escaping @Sendable (TaskEnvironment) throws -> T
    ) async throws -> T {
        try await slots.acquire()
        defer { Task { await slots.release() } }
        let directory = "\(scratchDirectory)/\(attempt)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let environment = TaskEnvironment(nodeName: nodeName, localDirectory: directory, disk: UnboundedDisk(), cancellation: CancellationFlag())
        return try await BlockingWork.run(cancellation: environment.cancellation) { try body(environment) }
    }

    /// Removes the scratch directory; one never created is fine.
    ///
    /// - Throws: The file system's error when the directory stays behind.
    public func cleanUp() throws {
        guard FileManager.default.fileExists(atPath: scratchDirectory) else { return }
        try FileManager.default.removeItem(atPath: scratchDirectory)
    }
}

/// Runs blocking work on a thread of its own so the cooperative pool stays free,
/// turning Swift task cancellation into the work's cancellation flag.
///
/// Not `DispatchQueue.global()`: on Linux its worker threads are capped at one
/// per core and shared with Swift's cooperative executor, so as many running
/// tasks as cores would starve every async task — cancellation included.
public enum BlockingWork {
    /// Runs `work` and returns its result.
    public static func run<T: Sendable>(cancellation: CancellationFlag, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                Thread {
                    continuation.resume(with: Result { try work() })
                }.start()
            }
        } onCancel: {
            cancellation.cancel(reason: "the job was cancelled")
        }
    }
}

/// A counting semaphore for async code; waiters are served first come, first served.
public actor AsyncSemaphore {
    private var permits: Int
    private var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID = 0

    /// A semaphore with `permits` permits.
    public init(permits: Int) { self.permits = permits }

    /// Waits for a permit; throws `CancellationError` if the task is cancelled while waiting.
    public func acquire() async throws {
        if permits > 0 {
            permits -= 1
            return
        }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Returns a permit, waking the oldest waiter.
    public func release() {
        if waiters.isEmpty {
            permits += 1
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }

    private func cancelWaiter(_ id: Int) {
        if let index = waiters.firstIndex(where: { $0.id == id }) {
            waiters.remove(at: index).continuation.resume(throwing: CancellationError())
        }
    }
}
