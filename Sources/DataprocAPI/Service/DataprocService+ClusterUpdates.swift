import Cluster
import Foundation
import Persistence

extension DataprocService {
    // MARK: - Update

    static let updatablePaths = [
        "config.worker_config.num_instances", "config.secondary_worker_config.num_instances", "labels",
        "config.lifecycle_config.idle_delete_ttl", "config.lifecycle_config.auto_delete_ttl", "config.lifecycle_config.auto_delete_time",
        "config.lifecycle_config.idle_stop_ttl", "config.lifecycle_config.auto_stop_ttl", "config.lifecycle_config.auto_stop_time",
        "config.autoscaling_config.policy_uri",
    ]

    /// `PATCH /clusters/{c}?updateMask=…`: one UPDATE operation of the runtime
    /// for everything the mask names; labels are the service's own.
    func updateCluster(
        _ key: ResourceKey, body: ClusterSpec, mask: UpdateMask, gracefulDecommissionTimeout: String?, requestId: String?
    ) async throws(APIError) -> OperationMessage {
        let entry = try cluster(key)
        guard !mask.paths.isEmpty else {
            throw .invalidArgument("updateMask is required; name the fields to update, such as config.worker_config.num_instances", field: "updateMask")
        }
        let state = await entry.runtime?.state ?? entry.status.state
        guard let runtime = entry.runtime, state == .running, activeOperation(of: entry) == nil else {
            throw .failedPrecondition(
                "Cluster \(key.name("clusters")) is \(state) and cannot be updated; wait until it is RUNNING" + (state == .stopped ? " (start it first)" : ""))
        }
        let current = await runtime.view()
        let (update, labels) = try Self.update(from: body, mask: mask, current: current.config)
        let timeout = try Self.decommissionTimeout(gracefulDecommissionTimeout)
        let errors = update.validationErrors(clusterName: key.id, config: current.config, now: now)
        if !errors.isEmpty { throw .invalidConfig(errors) }
        if case let .some(.some(config)) = update.autoscalingConfig, let uri = config.policyUri {
            _ = try policy(forURI: uri, near: key, field: "config.autoscalingConfig.policyUri")
        }

        // Everything is valid: apply.
        if let labels {
            var merged = labels
            for (name, value) in entry.labels where name.hasPrefix("goog-dataproc-") { merged[name] = value }
            clusters[key]?.labels = merged
        }
        let id: String
        do {
            id = try await runtime.beginUpdate(update, gracefulDecommissionTimeout: timeout)
        } catch {
            throw Self.translate(error, key: key)
        }
        if let operation = await runtime.operation(id: id) { record(operation, of: key, requestId: requestId) }
        if update.autoscalingConfig != nil { await followPolicy(key) }
        return try operationMessage(id)
    }

    /// The runtime update and the new labels that `mask` names in `body`.
    static func update(
        from body: ClusterSpec, mask: UpdateMask, current: ClusterConfig
    ) throws(APIError) -> (ClusterUpdate, labels: [String: String]?) {
        var update = ClusterUpdate()
        var labels: [String: String]?
        var lifecycle = current.lifecycleConfig ?? LifecycleConfig()
        lifecycle.idleStartTime = nil
        var lifecycleChanged = false
        let requested = body.config?.lifecycleConfig
        for path in mask.paths {
            switch path {
            case "config.workerConfig.numInstances": update.primaryWorkers = body.config?.workerConfig?.numInstances ?? 0
            case "config.secondaryWorkerConfig.numInstances": update.secondaryWorkers = body.config?.secondaryWorkerConfig?.numInstances ?? 0
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
                update.autoscalingConfig = .some(uri?.isEmpty == false ? AutoscalingConfig(policyUri: uri) : nil)
            default:
                throw .invalidArgument(
                    "updateMask path \(path) cannot be updated; use one of \(updatablePaths.joined(separator: ", "))", field: "updateMask")
            }
            if path.hasPrefix("config.lifecycleConfig") { lifecycleChanged = true }
        }
        if lifecycleChanged { update.lifecycleConfig = .some(lifecycle == LifecycleConfig() ? nil : lifecycle) }
        return (update, labels)
    }

    /// `gracefulDecommissionTimeout`, from 0 s to a day; zero when absent.
    static func decommissionTimeout(_ text: String?) throws(APIError) -> Duration {
        guard let text, !text.isEmpty else { return .zero }
        guard let parsed = GoogleDuration(parsing: text), parsed.nanoseconds >= 0, parsed <= GoogleDuration(seconds: 86_400) else {
            throw .invalidArgument("gracefulDecommissionTimeout \(text) must be a duration from 0s to 86400s (1 day)", field: "gracefulDecommissionTimeout")
        }
        return parsed.duration
    }

    // MARK: - Delete, stop, start

    /// `DELETE /clusters/{c}`: DELETING now, gone when the operation is done.
    func deleteCluster(_ key: ResourceKey, clusterUuid: String?, requestId: String?) async throws(APIError) -> OperationMessage {
        let entry = try cluster(key)
        if let clusterUuid, !clusterUuid.isEmpty, clusterUuid != entry.uuid {
            throw APIError(code: .notFound, message: "Not found: Cluster \(key.name("clusters")) with UUID \(clusterUuid)")
        }
        if let busy = activeOperation(of: entry) {
            if case let .cluster(metadata) = busy.message.metadata, metadata.operationType == OperationType.delete.rawValue {
                return busy.message
            }
            throw .failedPrecondition(
                "Cluster \(key.name("clusters")) is busy with operation \(busy.key.name("operations")); wait until it is done")
        }
        guard let runtime = entry.runtime else {
            let operation = beginClusterOperation(entry, type: .delete, description: "Delete cluster", requestId: requestId)
            await forgetCluster(key)
            finishOperation(operation)
            return try operationMessage(operation)
        }
        let id: String
        do {
            id = try await runtime.beginDelete()
        } catch {
            throw Self.translate(error, key: key)
        }
        if let operation = await runtime.operation(id: id) { record(operation, of: key, requestId: requestId) }
        return try operationMessage(id)
    }

    /// `POST /clusters/{c}:stop`.
    func stopCluster(_ key: ResourceKey, requestId: String?) async throws(APIError) -> OperationMessage {
        try await lifecycleOperation(key, requestId: requestId, required: .running) { runtime in
            try await runtime.beginStop()
        }
    }

    /// `POST /clusters/{c}:start`.
    func startCluster(_ key: ResourceKey, requestId: String?) async throws(APIError) -> OperationMessage {
        try await lifecycleOperation(key, requestId: requestId, required: .stopped) { runtime in
            try await runtime.start().id
        }
    }

    private func lifecycleOperation(
        _ key: ResourceKey, requestId: String?, required: ClusterState,
        begin: @Sendable (SimulatedCluster) async throws -> String
    ) async throws(APIError) -> OperationMessage {
        let entry = try cluster(key)
        let state = await entry.runtime?.state ?? entry.status.state
        guard let runtime = entry.runtime, state == required, activeOperation(of: entry) == nil else {
            throw .failedPrecondition(
                "Cluster \(key.name("clusters")) is \(state) and cannot be \(required == .running ? "stopped" : "started"); it must be \(required)")
        }
        if required == .running { failQueuedJobs(key, reason: "was stopped") }
        let id: String
        do {
            id = try await begin(runtime)
        } catch {
            throw Self.translate(error, key: key)
        }
        if let operation = await runtime.operation(id: id) { record(operation, of: key, requestId: requestId) }
        return try operationMessage(id)
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
}
