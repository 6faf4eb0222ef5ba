import MapReduce
import ResourceManager

extension SimulatedCluster {
    /// Places a new application master for `application` after its last one
    /// was lost: the application keeps its master slot, and waits like any
    /// container request.
    func restartMaster(_ application: ApplicationID, resources: Resources, jobName: String) async throws -> ContainerGrant {
        try checkNotDeleted()
        return try await allocate(application: application, resources: resources, excluded: [], kind: .applicationMaster, jobName: jobName)
    }

    /// Calls `onLoss` with the reason once the application master's container
    /// `id` is killed (its node lost, preempted or decommissioned); at once if it
    /// is already gone. A master that ends normally never calls it.
    func watchMaster(_ id: ContainerID, onLoss: @escaping @Sendable (String) -> Void) {
        guard let use = containerUses[id] else {
            onLoss("the application master's container \(id) is gone")
            return
        }
        masterWatchers[id] = onLoss
        if use.cancellation.isCancelled { endMasterWatch(id, lost: use.cancellation.reason) }
    }

    /// Stops watching master container `id`, telling the watcher of a loss first when `lost` says why.
    func endMasterWatch(_ id: ContainerID, lost reason: String?) {
        guard let watcher = masterWatchers.removeValue(forKey: id) else { return }
        if let reason { watcher(reason) }
    }
}
