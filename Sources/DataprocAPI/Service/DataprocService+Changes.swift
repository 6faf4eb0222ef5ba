import Cluster

extension DataprocService {
    /// Follows `runtime`'s changes for the cluster at `key` until it is deleted
    /// or forgotten: operations are mirrored, the cluster and its jobs persisted,
    /// queued jobs started when room appears.
    func watch(_ key: ResourceKey, runtime: SimulatedCluster) async {
        watchers[key]?.cancel()
        let changes = await runtime.changes()
        watchers[key] = Task { [weak self] in
            for await change in changes {
                guard let self else { return }
                await self.runtimeChanged(change, key: key, runtime: runtime)
            }
        }
    }

    func runtimeChanged(_ change: ClusterChange, key: ResourceKey, runtime: SimulatedCluster) async {
        guard clusters[key]?.uuid == runtime.clusterUuid else {
            // The cluster was forgotten (its DELETE finishing): only its operations still change.
            if case let .operation(operation) = change { record(operation, of: key) }
            return
        }
        switch change {
        case let .operation(operation) where operation.done && operation.operationType == .delete:
            await forgetCluster(key)
            record(operation, of: key)
        case let .operation(operation):
            if operation.done {
                let view = await runtime.view()
                record(operation, of: key, response: clusters[key].map { responseJSON($0, view: view) })
                await dispatchQueuedJobs(key)
            } else {
                record(operation, of: key)
            }
            await saveCluster(key)
        case let .job(id, _):
            await refreshJob(key.sibling(id))
            await saveCluster(key) // a job's start or end moves the cluster's idleStartTime
        case .nodes:
            await saveCluster(key)
            await dispatchQueuedJobs(key)
        case .status, .config:
            await saveCluster(key)
        case .deleted:
            await forgetCluster(key)
        }
    }
}
