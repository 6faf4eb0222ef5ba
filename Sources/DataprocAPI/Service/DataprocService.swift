import Autoscaling
import Cluster
import Foundation
import Hummingbird
import Logging
import Persistence
import ResourceManager
import ServiceLifecycle

/// The Dataproc service behind the REST routes: clusters, their operations,
/// jobs and autoscaling policies, kept in memory for reads and written through
/// to the `Store` on every change.
///
/// Each cluster runtime publishes its changes (``ClusterChange``), whoever
/// caused them — a request, the autoscaler, a lifecycle TTL, a fault — and the
/// service follows them: it mirrors the runtime's operations, persists what
/// changed and wakes whoever waits. Nothing polls, and all time comes from the
/// injected clock. Its `run()` (a `Service`) lasts until graceful shutdown.
actor DataprocService: Service {
    let store: Store
    let storage: StorageRoot
    let dataDirectory: String
    let clock: any ClusterClock
    let logger: Logger

    var clusters: [ResourceKey: ClusterEntry] = [:]
    var operations: [String: OperationEntry] = [:]
    var operationOrder: [String] = []
    var jobs: [ResourceKey: JobEntry] = [:]
    var jobOrder: [ResourceKey] = []
    var jobQueues: [ResourceKey: [QueuedJob]] = [:]
    var runningDrivers: [ResourceKey: Int] = [:]
    var policies: [ResourceKey: AutoscalingPolicy] = [:]
    var policyOrder: [ResourceKey] = []
    var policyCreateTimes: [ResourceKey: String] = [:]
    /// One autoscaler per cluster for its whole life, so that its history
    /// survives detaching and attaching a policy again.
    var autoscalers: [ResourceKey: AutoscalerService] = [:]
    /// Stored scaling histories of restored clusters, by UUID, until their autoscaler takes them.
    var restoredHistories: [String: [ScalingHistoryEntry]] = [:]
    /// The tasks following each cluster runtime's changes.
    var watchers: [ResourceKey: Task<Void, Never>] = [:]
    /// Who waits for the next change of anything the service holds.
    var changeWaiters: [CheckedContinuation<Void, Never>] = []
    /// How many changes the service has recorded: a waiter that read state at
    /// one count waits only if nothing has changed since.
    var changeCount = 0
    /// The last JSON served for each cluster, reused while nothing it shows has changed.
    var clusterJSON: [ResourceKey: (rendering: ClusterRendering, bytes: ByteBuffer)] = [:]

    init(store: Store, storage: StorageRoot, dataDirectory: String, clock: any ClusterClock, logger: Logger) {
        self.clock = clock
        self.store = store
        self.storage = storage
        self.dataDirectory = dataDirectory
        self.logger = logger
    }

    // MARK: - Service

    func run() async throws {
        // It throws only `CancellationError`, which asks for the same shutdown as graceful shutdown does.
        try? await gracefulShutdown()
        for service in autoscalers.values { await service.detach() }
        autoscalers.removeAll()
        for watcher in watchers.values { watcher.cancel() }
        watchers.removeAll()
    }

    // MARK: - Helpers

    /// Now, on the injected clock.
    var now: GoogleTimestamp { GoogleTimestamp(clock.date(of: clock.now)) }

    /// Writes `changes` in one transaction; a failure is logged, as the change has already happened.
    func persist(_ changes: [StoreChange]) {
        do {
            try store.apply(changes)
        } catch {
            logger.error("could not persist a change", metadata: ["error": "\(error)"])
        }
    }

    /// `message` as the store keeps it (JSON); a message that cannot be encoded
    /// is logged with its id and kept as `{}`.
    func document(_ message: some Encodable, of kind: String, id: String) -> Data {
        do {
            return try WireJSON.encode(message)
        } catch {
            logger.error("could not encode a message to store", metadata: ["kind": "\(kind)", "id": "\(id)", "error": "\(error)"])
            return Data("{}".utf8)
        }
    }

    /// Logs a move that a state machine of the service's own records refused,
    /// with `metadata` naming what tried to move (`job.id`, `operation.id`, …).
    func log(_ error: IllegalTransition, _ metadata: Logger.Metadata) {
        logger.error("refused an illegal state transition", metadata: metadata.merging([
            "state.from": "\(error.from)", "state.to": "\(error.to)", "error": "\(error)",
        ]) { given, _ in given })
    }

    /// Counts a change and wakes everyone waiting in ``waitForChange(since:)``.
    func noteChange() {
        changeCount += 1
        let waiting = changeWaiters
        changeWaiters = []
        for waiter in waiting { waiter.resume() }
    }

    /// Waits until the service has recorded a change of a cluster, job or
    /// operation since `count` (a ``changeCount`` read earlier); at once if it has.
    func waitForChange(since count: Int) async {
        guard changeCount == count else { return }
        await withCheckedContinuation { changeWaiters.append($0) }
    }

    func clusterOptions(uuid: String) -> ClusterOptions {
        ClusterOptions(dataDirectory: dataDirectory + "/clusters/" + uuid)
    }
}
