import Autoscaling
import Cluster
import Foundation
import Hummingbird
import Persistence

extension DataprocService {
    // MARK: - Create

    /// `POST /clusters`: validates, records the cluster CREATING and provisions it in the background.
    func createCluster(project: String, region: String, spec requested: ClusterSpec, requestId: String?) throws(APIError) -> OperationMessage {
        var spec = requested
        if spec.projectId.isEmpty { spec.projectId = project }
        guard spec.projectId == project else {
            throw .invalidArgument("projectId \(spec.projectId) in the body does not match project \(project) in the URL", field: "projectId")
        }
        do {
            try ClusterSpec.validateClusterName(spec.clusterName)
        } catch {
            throw .invalidConfig([error])
        }
        let key = ResourceKey(project: project, region: region, id: spec.clusterName)
        if let existing = clusters[key] {
            if let requestId, !requestId.isEmpty, existing.createRequestId == requestId,
               let operation = operationOrder.lazy.compactMap({ self.operations[$0] }).first(where: { $0.requestId == requestId }) {
                return operation.message
            }
            throw .alreadyExists("Already exists: Failed to create cluster: Cluster \(key.name("clusters"))")
        }
        let errors = spec.validationErrors(now: now)
        if !errors.isEmpty { throw .invalidConfig(errors) }
        if let uri = spec.config?.autoscalingConfig?.policyUri, !uri.isEmpty {
            _ = try policy(forURI: uri, near: key, field: "config.autoscalingConfig.policyUri")
        }
        let uuid = UUID().uuidString.lowercased()
        let (config, autoZone): (ClusterConfig, Bool)
        do {
            (config, autoZone) = try ServerDefaults.fill(spec.config ?? ClusterConfig(), project: project, region: region, uuid: uuid)
        } catch {
            throw .invalidConfig([error])
        }
        spec.config = config
        var labels = spec.labels ?? [:]
        labels["goog-dataproc-cluster-name"] = spec.clusterName
        labels["goog-dataproc-cluster-uuid"] = uuid
        labels["goog-dataproc-location"] = region
        if autoZone { labels["goog-dataproc-autozone"] = "enabled" }
        let entry = ClusterEntry(
            key: key, uuid: uuid, spec: spec, labels: labels, createTime: now, runtime: nil,
            status: ClusterStatus(state: .creating, stateStartTime: now), history: [], createRequestId: requestId)
        clusters[key] = entry
        saveCluster(entry, view: nil)
        let operation = beginClusterOperation(
            entry, type: .create, description: "Create cluster with \(config.primaryWorkerCount) workers", requestId: requestId)
        Task { await self.completeCreate(key, operation: operation) }
        return try operationMessage(operation)
    }

    /// Provisions the cluster's runtime under the CREATE operation the client was told of.
    func completeCreate(_ key: ResourceKey, operation: String) async {
        guard let entry = clusters[key] else { return }
        let runtime: SimulatedCluster
        do {
            runtime = try await SimulatedCluster.create(
                spec: entry.spec, clock: clock, options: clusterOptions(uuid: entry.uuid), clusterUuid: entry.uuid,
                operationID: operation)
        } catch {
            let detail = String(describing: error)
            do {
                try clusters[key]?.move(to: .error, detail: detail, at: now)
            } catch {
                logger.error("a cluster that could not be provisioned cannot enter ERROR", metadata: [
                    "cluster.name": "\(key.id)", "cluster.uuid": "\(entry.uuid)", "error": "\(error)",
                ])
            }
            if let current = clusters[key] { saveCluster(current, view: nil) }
            finishOperation(operation, error: RPCStatusMessage(code: 13, message: detail))
            return
        }
        guard clusters[key]?.uuid == entry.uuid else {
            logger.warning("a cluster was forgotten while it was being created", metadata: ["cluster.name": "\(key.id)"])
            do { try await runtime.delete() } catch {
                logger.error("could not delete a cluster nobody holds", metadata: ["cluster.name": "\(key.id)", "error": "\(error)"])
            }
            return
        }
        clusters[key]?.runtime = runtime
        await watch(key, runtime: runtime)
        await followPolicy(key)
        await saveCluster(key)
        let view = await runtime.view()
        for created in await runtime.operations {
            record(created, of: key, response: clusters[key].map { responseJSON($0, view: view) })
        }
    }

    // MARK: - Read

    func cluster(_ key: ResourceKey) throws(APIError) -> ClusterEntry {
        guard let entry = clusters[key] else { throw .notFound("Cluster", key.name("clusters")) }
        return entry
    }

    /// `GET /clusters/{c}`.
    func getCluster(_ key: ResourceKey) async throws(APIError) -> ClusterMessage {
        let entry = try cluster(key)
        let view = await entry.runtime?.view()
        return message(entry, view: view)
    }

    /// `GET /clusters/{c}` as JSON bytes: encoded once per change of what the
    /// cluster shows, as clients poll clusters far more often than they change.
    func getClusterJSON(_ key: ResourceKey) async throws(APIError) -> ByteBuffer {
        let entry = try cluster(key)
        let view = await entry.runtime?.view()
        guard let current = clusters[key] else { throw .notFound("Cluster", key.name("clusters")) }
        let rendering = ClusterRendering(current, view: view)
        if let cached = clusterJSON[key], cached.rendering == rendering { return cached.bytes }
        let bytes: ByteBuffer
        do {
            bytes = ByteBuffer(bytes: try WireJSON.encode(message(current, view: view)))
        } catch {
            throw APIError(code: .internal, message: "could not encode cluster \(key.id): \(error)")
        }
        clusterJSON[key] = (rendering, bytes)
        return bytes
    }

    /// `GET /clusters`: filtered, alphabetical, paged.
    func listClusters(project: String, region: String, filter text: String?, pageSize: Int?, pageToken: String?) async throws(APIError) -> ListClustersResponse {
        let filter = try ListFilter(parsing: text ?? "")
        try filter.check(known: ["status.state", "clusterName"], resource: "clusters")
        let entries = clusters.values.filter { $0.key.project == project && $0.key.region == region }.sorted { $0.key.id < $1.key.id }
        var messages: [ClusterMessage] = []
        for entry in entries {
            let view = await entry.runtime?.view()
            let cluster = message(entry, view: view)
            let state = view?.status.state ?? entry.status.state
            let matches = filter.matches { field in
                switch field {
                case "status.state": return state.filterValues
                case "clusterName": return [cluster.clusterName]
                default: return cluster.labels?[String(field.dropFirst("labels.".count))].map { [$0] } ?? []
                }
            }
            if matches { messages.append(cluster) }
        }
        let page = try PageToken.page(messages, size: pageSize, token: pageToken)
        return ListClustersResponse(clusters: page.items.isEmpty ? nil : page.items, nextPageToken: page.next)
    }

    /// The `Cluster` message of `entry`, live from `view` when it has a runtime.
    func message(_ entry: ClusterEntry, view: RuntimeView?) -> ClusterMessage {
        let config = view?.config ?? entry.spec.config ?? ClusterConfig()
        let status = view?.status ?? entry.status
        let history = view?.history ?? entry.history
        var metrics: ClusterMetricsMessage?
        if let view, view.status.state == .running || view.status.state == .updating {
            metrics = ClusterMetricsMessage(
                hdfsMetrics: hdfsMetrics(config), yarnMetrics: view.yarn.keyedValues.mapValues { String($0) })
        }
        return ClusterMessage(
            projectId: entry.key.project, clusterName: entry.key.id, config: config, labels: entry.labels,
            status: ClusterStatusMessage(status), statusHistory: history.isEmpty ? nil : history.map(ClusterStatusMessage.init),
            clusterUuid: entry.uuid, metrics: metrics)
    }

    /// The cluster as an operation's response, with its `@type`.
    func responseJSON(_ entry: ClusterEntry, view: RuntimeView?) -> JSONValue {
        var cluster = message(entry, view: view)
        cluster.type = ClusterMessage.typeURL
        do {
            return try JSONValue.encoding(cluster)
        } catch {
            logger.error("could not encode a cluster", metadata: ["cluster.name": "\(entry.key.id)", "error": "\(error)"])
            return EmptyResponse.value
        }
    }

    private func hdfsMetrics(_ config: ClusterConfig) -> [String: String] {
        let dataNodes = Int64(config.workerConfig?.numInstances ?? 0)
        let diskBytes = Int64(config.workerConfig?.diskConfig?.bootDiskSizeGb ?? 1000) * 1_000_000_000
        let total = dataNodes * diskBytes * 9 / 10
        return [
            "dfs-blocks-corrupt": "0", "dfs-blocks-default-replication-factor": "2", "dfs-blocks-missing": "0",
            "dfs-blocks-missing-repl-one": "0", "dfs-blocks-pending-deletion": "0", "dfs-blocks-under-replication": "0",
            "dfs-capacity-present": String(total), "dfs-capacity-remaining": String(total), "dfs-capacity-total": String(total),
            "dfs-capacity-used": "0", "dfs-nodes-decommissioned": "0", "dfs-nodes-decommissioning": "0",
            "dfs-nodes-running": String(dataNodes),
        ]
    }

    // MARK: - Persistence

    func storedCluster(_ entry: ClusterEntry, view: RuntimeView?) -> StoredCluster {
        var spec = entry.spec
        if let view { spec.config = view.config }
        let status = view?.status ?? entry.status
        let history = view?.history ?? entry.history
        return StoredCluster(
            projectId: entry.key.project, region: entry.key.region, clusterName: entry.key.id, clusterUuid: entry.uuid,
            spec: spec, labels: entry.labels, status: StoredStatus(status), statusHistory: history.map(StoredStatus.init),
            createTime: entry.createTime.description)
    }

    /// Persists the cluster when it differs from what was last saved.
    func saveCluster(_ entry: ClusterEntry, view: RuntimeView?) {
        let record = storedCluster(entry, view: view)
        guard record != entry.lastSaved else { return }
        clusters[entry.key]?.lastSaved = record
        persist([.saveCluster(record)])
        noteChange()
    }

    /// Persists the cluster as its runtime shows it now.
    func saveCluster(_ key: ResourceKey) async {
        let view = await clusters[key]?.runtime?.view()
        if let entry = clusters[key] { saveCluster(entry, view: view) }
    }

    /// Drops a deleted cluster: its record, its autoscaler, its watcher and its node directories.
    func forgetCluster(_ key: ResourceKey) async {
        guard let entry = clusters.removeValue(forKey: key) else { return }
        clusterJSON[key] = nil
        failQueuedJobs(key, reason: "was deleted")
        runningDrivers[key] = nil
        if let service = autoscalers.removeValue(forKey: key) { await service.detach() }
        watchers.removeValue(forKey: key)?.cancel()
        persist([
            .deleteCluster(projectId: key.project, region: key.region, clusterName: key.id),
            .deleteScalingHistory(clusterUuid: entry.uuid),
        ])
        if let directory = clusterOptions(uuid: entry.uuid).dataDirectory, FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.removeItem(atPath: directory)
            } catch {
                logger.warning("could not remove a deleted cluster's directory", metadata: ["cluster.name": "\(key.id)", "error": "\(error)"])
            }
        }
        noteChange()
    }
}
