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
/// Its `run()` (a `Service`) reconciles once a second: it persists what the
/// cluster runtimes changed by themselves (TTL deletion, autoscaling, job
/// progress) until the application shuts down.
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
    var autoscalers: [ResourceKey: AutoscalerService] = [:]
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
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(1))
                await self.reconcile()
            }
        }
        await reconcile()
        for service in autoscalers.values { await service.detach() }
        autoscalers.removeAll()
    }

    /// Persists what runtimes changed on their own, and forgets clusters they deleted.
    func reconcile() async {
        for key in Array(clusters.keys) {
            guard let entry = clusters[key], entry.busyOperation == nil, let runtime = entry.runtime else { continue }
            let view = await runtime.view()
            guard let current = clusters[key], current.busyOperation == nil else { continue }
            if view.isDeleted {
                await forgetCluster(key)
                continue
            }
            saveCluster(current, view: view)
        }
        for key in jobOrder where jobs[key]?.runtime != nil {
            await refreshJob(key)
        }
    }

    // MARK: - Helpers

    var now: GoogleTimestamp { GoogleTimestamp(Date()) }

    /// Writes `changes` in one transaction; a failure is logged, as the change has already happened.
    func persist(_ changes: [StoreChange]) {
        do {
            try store.apply(changes)
        } catch {
            logger.error("could not persist a change", metadata: ["error": "\(error)"])
        }
    }

    func clusterOptions(uuid: String) -> ClusterOptions {
        ClusterOptions(dataDirectory: dataDirectory + "/clusters/" + uuid)
    }

    // MARK: - Operations (shared)

    /// Records a RUNNING cluster operation for `entry` and returns its id.
    func beginClusterOperation(_ entry: ClusterEntry, type: String, description: String, requestId: String? = nil) -> String {
        let id = UUID().uuidString.lowercased()
        let time = now.description
        var metadata = ClusterOperationMetadata(
            clusterName: entry.key.id, clusterUuid: entry.uuid, operationType: type, description: description,
            status: OperationStatusMessage(state: "PENDING", innerState: "PENDING", stateStartTime: time),
            labels: entry.labels.merging(["goog-dataproc-operation-type": type.lowercased()]) { _, new in new })
        metadata.move(to: "RUNNING", at: time)
        let key = entry.key.sibling(id)
        let message = OperationMessage(name: key.name("operations"), metadata: .cluster(metadata))
        operations[id] = OperationEntry(key: key, message: message, createTime: now, requestId: requestId)
        operationOrder.append(id)
        return id
    }

    /// Ends an operation with a response or an error, and persists it.
    func finishOperation(_ id: String, response: JSONValue? = nil, error: RPCStatusMessage? = nil, extra: [StoreChange] = []) {
        guard var entry = operations[id], !entry.done else {
            persist(extra)
            return
        }
        if case var .cluster(metadata) = entry.message.metadata {
            metadata.move(to: "DONE", details: error?.message, at: now.description)
            entry.message.metadata = .cluster(metadata)
        }
        entry.message.done = true
        entry.message.error = error
        entry.message.response = error == nil ? (response ?? EmptyResponse.value) : nil
        operations[id] = entry
        persist(extra + [.saveOperation(stored(entry))])
    }

    func stored(_ entry: OperationEntry) -> StoredOperation {
        StoredOperation(
            id: entry.key.id, projectId: entry.key.project, region: entry.key.region,
            clusterName: entry.message.metadata.clusterName, done: entry.done, createTime: entry.createTime.description,
            document: (try? WireJSON.encode(entry.message)) ?? Data("{}".utf8))
    }
}
