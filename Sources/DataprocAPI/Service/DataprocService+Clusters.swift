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
        let (config, autoZone) = ServerDefaults.fill(spec.config ?? ClusterConfig(), project: project, region: region, uuid: uuid)
        spec.config = config
        var labels = spec.labels ?? [:]
        labels["goog-dataproc-cluster-name"] = spec.clusterName
        labels["goog-dataproc-cluster-uuid"] = uuid
        labels["goog-dataproc-location"] = region
        if autoZone { labels["goog-dataproc-autozone"] = "enabled" }
        var entry = ClusterEntry(
            key: key, uuid: uuid, spec: spec, labels: labels, createTime: now, runtime: nil,
            status: ClusterStatus(state: .creating, stateStartTime: now), history: [], createRequestId: requestId)
        let operation = beginClusterOperation(
            entry, type: "CREATE", description: "Create cluster with \(config.primaryWorkerCount) workers", requestId: requestId)
        entry.busyOperation = operation
        clusters[key] = entry
        let record = storedCluster(entry, view: nil)
        clusters[key]?.lastSaved = record
        persist([.saveCluster(record)] + (operations[operation].map { [.saveOperation(stored($0))] } ?? []))
        Task { await self.completeCreate(key, operation: operation) }
        return try operationMessage(operation)
    }

    func completeCreate(_ key: ResourceKey, operation: String) async {
        guard let entry = clusters[key] else { return }
        do {
            let runtime = try await SimulatedCluster.create(
                spec: entry.spec, clock: clock, options: clusterOptions(uuid: entry.uuid), clusterUuid: entry.uuid)
            guard clusters[key] != nil else {
                _ = try? await runtime.delete()
                return
            }
            clusters[key]?.runtime = runtime
            clusters[key]?.busyOperation = nil
            await attachAutoscaler(key)
            let view = await runtime.view()
            guard let current = clusters[key] else { return }
            let record = storedCluster(current, view: view)
            clusters[key]?.lastSaved = record
            finishOperation(operation, response: responseJSON(current, view: view), extra: [.saveCluster(record)])
        } catch {
            let detail = String(describing: error)
            clusters[key]?.history.append(entry.status)
            clusters[key]?.status = ClusterStatus(state: .error, detail: detail, stateStartTime: now)
            clusters[key]?.busyOperation = nil
            guard let current = clusters[key] else { return }
            let record = storedCluster(current, view: nil)
            clusters[key]?.lastSaved = record
            finishOperation(operation, error: RPCStatusMessage(code: 13, message: detail), extra: [.saveCluster(record)])
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
            let state = cluster.status?.state ?? ""
            let matches = filter.matches { field in
                switch field {
                case "status.state":
                    var values = [state]
                    if ["CREATING", "UPDATING", "RUNNING"].contains(state) { values.append("ACTIVE") }
                    if ["DELETING", "ERROR", "STOPPING", "STOPPED"].contains(state) { values.append("INACTIVE") }
                    return values
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
        var config = view?.config ?? entry.spec.config ?? ClusterConfig()
        config.autoscalingConfig = entry.spec.config?.autoscalingConfig
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
        return (try? JSONValue.encoding(cluster)) ?? EmptyResponse.value
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
        if let view {
            var config = view.config
            config.autoscalingConfig = entry.spec.config?.autoscalingConfig
            config.lifecycleConfig?.idleStartTime = nil
            spec.config = config
        }
        let status = view?.status ?? entry.status
        let history = view?.history ?? entry.history
        func stored(_ status: ClusterStatus) -> StoredStatus {
            StoredStatus(state: status.state.rawValue, detail: status.detail, stateStartTime: status.stateStartTime.description)
        }
        return StoredCluster(
            projectId: entry.key.project, region: entry.key.region, clusterName: entry.key.id, clusterUuid: entry.uuid,
            spec: spec, labels: entry.labels, status: stored(status), statusHistory: history.map(stored),
            createTime: entry.createTime.description)
    }

    /// Persists the cluster when it differs from what was last saved.
    func saveCluster(_ entry: ClusterEntry, view: RuntimeView?) {
        let record = storedCluster(entry, view: view)
        guard record != entry.lastSaved else { return }
        clusters[entry.key]?.lastSaved = record
        persist([.saveCluster(record)])
    }

    /// Drops a deleted cluster: its record, its autoscaler and its node directories.
    func forgetCluster(_ key: ResourceKey, extra: [StoreChange] = []) async {
        guard let entry = clusters.removeValue(forKey: key) else { return }
        clusterJSON[key] = nil
        failQueuedJobs(key, reason: "was deleted")
        runningDrivers[key] = nil
        await detachAutoscaler(key)
        persist([.deleteCluster(projectId: key.project, region: key.region, clusterName: key.id)] + extra)
        try? FileManager.default.removeItem(atPath: clusterOptions(uuid: entry.uuid).dataDirectory ?? "")
    }

    // MARK: - Update

    static let updatablePaths = [
        "config.worker_config.num_instances", "config.secondary_worker_config.num_instances", "labels",
        "config.lifecycle_config.idle_delete_ttl", "config.lifecycle_config.auto_delete_ttl", "config.lifecycle_config.auto_delete_time",
        "config.lifecycle_config.idle_stop_ttl", "config.lifecycle_config.auto_stop_ttl", "config.lifecycle_config.auto_stop_time",
        "config.autoscaling_config.policy_uri",
    ]

    /// `PATCH /clusters/{c}?updateMask=…`.
    func updateCluster(
        _ key: ResourceKey, body: ClusterSpec, mask: UpdateMask, gracefulDecommissionTimeout: String?, requestId: String?
    ) async throws(APIError) -> OperationMessage {
        let entry = try cluster(key)
        guard !mask.paths.isEmpty else {
            throw .invalidArgument("updateMask is required; name the fields to update, such as config.worker_config.num_instances", field: "updateMask")
        }
        let state = await entry.runtime?.state ?? entry.status.state
        guard let runtime = entry.runtime, state == .running, clusters[key]?.busyOperation == nil else {
            throw .failedPrecondition(
                "Cluster \(key.name("clusters")) is \(state) and cannot be updated; wait until it is RUNNING" + (state == .stopped ? " (start it first)" : ""))
        }
        let current = await runtime.view()
        var primary: Int?
        var secondary: Int?
        var labels: [String: String]?
        var lifecycle = current.config.lifecycleConfig ?? LifecycleConfig()
        lifecycle.idleStartTime = nil
        var lifecycleChanged = false
        var policyChange: String??
        let requested = body.config?.lifecycleConfig
        for path in mask.paths {
            switch path {
            case "config.workerConfig.numInstances": primary = body.config?.workerConfig?.numInstances ?? 0
            case "config.secondaryWorkerConfig.numInstances": secondary = body.config?.secondaryWorkerConfig?.numInstances ?? 0
            case "labels": labels = body.labels ?? [:]
            case "config.lifecycleConfig": lifecycle = requested ?? LifecycleConfig()
            case "config.lifecycleConfig.idleDeleteTtl": lifecycle.idleDeleteTtl = requested?.idleDeleteTtl
            case "config.lifecycleConfig.autoDeleteTtl": lifecycle.autoDeleteTtl = requested?.autoDeleteTtl
            case "config.lifecycleConfig.autoDeleteTime": lifecycle.autoDeleteTime = requested?.autoDeleteTime
            case "config.lifecycleConfig.idleStopTtl": lifecycle.idleStopTtl = requested?.idleStopTtl
            case "config.lifecycleConfig.autoStopTtl": lifecycle.autoStopTtl = requested?.autoStopTtl
            case "config.lifecycleConfig.autoStopTime": lifecycle.autoStopTime = requested?.autoStopTime
            case "config.autoscalingConfig.policyUri", "config.autoscalingConfig":
                let uri = body.config?.autoscalingConfig?.policyUri
                policyChange = .some(uri?.isEmpty == false ? uri : nil)
            default:
                throw .invalidArgument(
                    "updateMask path \(path) cannot be updated; use one of \(Self.updatablePaths.joined(separator: ", "))", field: "updateMask")
            }
            if path.hasPrefix("config.lifecycleConfig") { lifecycleChanged = true }
        }
        var timeout = Duration.zero
        if let text = gracefulDecommissionTimeout, !text.isEmpty {
            guard let parsed = GoogleDuration(parsing: text), parsed.nanoseconds >= 0, parsed <= GoogleDuration(seconds: 86_400) else {
                throw .invalidArgument("gracefulDecommissionTimeout \(text) must be a duration from 0s to 86400s (1 day)", field: "gracefulDecommissionTimeout")
            }
            timeout = parsed.duration
        }
        var errors: [ClusterConfigError] = []
        if primary == 1 { errors.append(.onePrimaryWorker(cluster: key.id)) }
        if let primary, primary < 0 { errors.append(.negativeCount(field: "config.workerConfig.numInstances", value: primary)) }
        if let secondary, secondary < 0 { errors.append(.negativeCount(field: "config.secondaryWorkerConfig.numInstances", value: secondary)) }
        if lifecycleChanged {
            var config = current.config
            config.lifecycleConfig = lifecycle
            errors += config.validationErrors(clusterName: key.id, now: now).filter { $0.field.hasPrefix("config.lifecycleConfig") }
        }
        if !errors.isEmpty { throw .invalidConfig(errors) }
        if case let .some(.some(uri)) = policyChange { _ = try policy(forURI: uri, near: key, field: "config.autoscalingConfig.policyUri") }

        // Everything is valid: apply.
        if lifecycleChanged {
            do {
                try await runtime.updateLifecycle(lifecycle == LifecycleConfig() ? nil : lifecycle)
            } catch {
                throw Self.translate(error, key: key)
            }
        }
        if let labels {
            var merged = labels
            for (name, value) in clusters[key]?.labels ?? [:] where name.hasPrefix("goog-dataproc-") { merged[name] = value }
            clusters[key]?.labels = merged
        }
        if let policyChange {
            clusters[key]?.spec.config?.autoscalingConfig = policyChange.map { AutoscalingConfig(policyUri: $0) }
            await attachAutoscaler(key)
        }
        guard let updated = clusters[key] else { throw .notFound("Cluster", key.name("clusters")) }
        if primary != nil || secondary != nil {
            let runtimeOperation: String
            do {
                runtimeOperation = try await runtime.beginResize(
                    primaryWorkers: primary ?? current.config.workerConfig?.numInstances ?? 0,
                    secondaryWorkers: secondary ?? current.config.secondaryWorkerConfig?.numInstances ?? 0,
                    gracefulDecommissionTimeout: timeout)
            } catch {
                throw Self.translate(error, key: key)
            }
            let description = await runtime.operation(id: runtimeOperation)?.description ?? "Update cluster."
            let operation = beginClusterOperation(updated, type: "UPDATE", description: description, requestId: requestId)
            clusters[key]?.busyOperation = operation
            if let entry = operations[operation] { persist([.saveOperation(stored(entry))]) }
            Task {
                _ = await runtime.waitForOperation(runtimeOperation)
                await self.completeOperation(key, operation: operation)
            }
            return try operationMessage(operation)
        }
        let operation = beginClusterOperation(updated, type: "UPDATE", description: "Update cluster.", requestId: requestId)
        let view = await runtime.view()
        guard let latest = clusters[key] else { throw .notFound("Cluster", key.name("clusters")) }
        let record = storedCluster(latest, view: view)
        clusters[key]?.lastSaved = record
        finishOperation(operation, response: responseJSON(latest, view: view), extra: [.saveCluster(record)])
        return try operationMessage(operation)
    }

    /// Ends an operation the runtime carried out: frees the cluster, answers with it, persists both.
    func completeOperation(_ key: ResourceKey, operation: String, error: RPCStatusMessage? = nil) async {
        clusters[key]?.busyOperation = nil
        guard let entry = clusters[key] else {
            finishOperation(operation, error: error)
            return
        }
        let view = await entry.runtime?.view()
        guard let latest = clusters[key] else { return }
        let record = storedCluster(latest, view: view)
        clusters[key]?.lastSaved = record
        finishOperation(operation, response: responseJSON(latest, view: view), error: error, extra: [.saveCluster(record)])
    }

    // MARK: - Delete, stop, start

    /// `DELETE /clusters/{c}`: DELETING now, gone when the operation is done.
    func deleteCluster(_ key: ResourceKey, clusterUuid: String?, requestId: String?) async throws(APIError) -> OperationMessage {
        let entry = try cluster(key)
        if let clusterUuid, !clusterUuid.isEmpty, clusterUuid != entry.uuid {
            throw APIError(code: .notFound, message: "Not found: Cluster \(key.name("clusters")) with UUID \(clusterUuid)")
        }
        if let busy = entry.busyOperation, let operation = operations[busy] {
            if case let .cluster(metadata) = operation.message.metadata, metadata.operationType == "DELETE" {
                return operation.message
            }
            throw .failedPrecondition(
                "Cluster \(key.name("clusters")) is busy with operation \(operation.key.name("operations")); wait until it is done")
        }
        let operation = beginClusterOperation(entry, type: "DELETE", description: "Delete cluster", requestId: requestId)
        guard let runtime = entry.runtime else {
            await forgetCluster(key)
            finishOperation(operation)
            return try operationMessage(operation)
        }
        let runtimeOperation: String
        do {
            runtimeOperation = try await runtime.beginDelete()
        } catch {
            operations[operation] = nil
            operationOrder.removeAll { $0 == operation }
            throw Self.translate(error, key: key)
        }
        clusters[key]?.busyOperation = operation
        await detachAutoscaler(key)
        let view = await runtime.view()
        if let current = clusters[key] { saveCluster(current, view: view) }
        if let entry = operations[operation] { persist([.saveOperation(stored(entry))]) }
        Task {
            _ = await runtime.waitForOperation(runtimeOperation)
            await self.forgetCluster(key)
            self.finishOperation(operation)
        }
        return try operationMessage(operation)
    }

    /// `POST /clusters/{c}:stop`.
    func stopCluster(_ key: ResourceKey, requestId: String?) async throws(APIError) -> OperationMessage {
        try await lifecycleOperation(key, type: "STOP", description: "Stop cluster", requestId: requestId, required: .running) { runtime in
            await self.failQueuedJobs(key, reason: "was stopped")
            try await runtime.stop()
        }
    }

    /// `POST /clusters/{c}:start`.
    func startCluster(_ key: ResourceKey, requestId: String?) async throws(APIError) -> OperationMessage {
        try await lifecycleOperation(key, type: "START", description: "Start cluster", requestId: requestId, required: .stopped) { runtime in
            try await runtime.start()
        }
    }

    private func lifecycleOperation(
        _ key: ResourceKey, type: String, description: String, requestId: String?, required: ClusterState,
        action: @escaping @Sendable (SimulatedCluster) async throws -> Void
    ) async throws(APIError) -> OperationMessage {
        let entry = try cluster(key)
        let state = await entry.runtime?.state ?? entry.status.state
        guard let runtime = entry.runtime, state == required, clusters[key]?.busyOperation == nil else {
            throw .failedPrecondition(
                "Cluster \(key.name("clusters")) is \(state) and cannot be \(type == "STOP" ? "stopped" : "started"); it must be \(required)")
        }
        let operation = beginClusterOperation(entry, type: type, description: description, requestId: requestId)
        clusters[key]?.busyOperation = operation
        if let entry = operations[operation] { persist([.saveOperation(stored(entry))]) }
        Task {
            var failure: RPCStatusMessage?
            do {
                try await action(runtime)
            } catch {
                failure = RPCStatusMessage(code: 9, message: String(describing: error))
            }
            await self.completeOperation(key, operation: operation, error: failure)
        }
        return try operationMessage(operation)
    }

    /// A runtime's refusal as the API error a client expects.
    static func translate(_ error: any Error, key: ResourceKey) -> APIError {
        switch error as? ClusterError {
        case let .invalidConfig(config)?: return .invalidConfig([config])
        case let .wrongState(_, state, action)?:
            return .failedPrecondition("Cluster \(key.name("clusters")) is \(state) and cannot \(action)")
        case .illegalTransition?, .deleted?:
            return .failedPrecondition("Cluster \(key.name("clusters")): \(error)")
        default:
            return APIError(code: .internal, message: String(describing: error))
        }
    }

    // MARK: - Autoscaling

    /// Attaches the cluster's policy (replacing any earlier one), or detaches when it has none.
    func attachAutoscaler(_ key: ResourceKey) async {
        await detachAutoscaler(key)
        guard let entry = clusters[key], let runtime = entry.runtime,
              let uri = entry.spec.config?.autoscalingConfig?.policyUri,
              let policyKey = policyKey(forURI: uri, near: key), let policy = policies[policyKey]
        else { return }
        let service = AutoscalerService(cluster: runtime, clock: clock)
        do {
            try await service.attach(policy)
            autoscalers[key] = service
        } catch {
            logger.warning("could not attach an autoscaling policy", metadata: ["cluster.name": "\(key.id)", "error": "\(error)"])
        }
    }

    /// Every evaluation of the cluster's autoscaler, oldest first; empty without a policy.
    func scalingHistory(_ key: ResourceKey) async throws(APIError) -> ScalingHistoryMessage {
        _ = try cluster(key)
        return ScalingHistoryMessage(entries: await autoscalers[key]?.history ?? [])
    }

    func detachAutoscaler(_ key: ResourceKey) async {
        if let service = autoscalers.removeValue(forKey: key) { await service.detach() }
    }
}
