import Foundation
import ResourceManager

extension SimulatedCluster {
    /// Re-creates a cluster that existed before its host process stopped: the
    /// same spec and UUID, its nodes provisioned again (with empty local
    /// disks, as after a reboot), and its status and history as they were.
    ///
    /// Only a settled cluster can come back: `status.state` must be RUNNING or
    /// STOPPED (a caller restoring one caught mid-operation records how that
    /// operation ended first). The restore records no operation of its own.
    /// Lifecycle TTLs count again from now.
    ///
    /// - Throws: `ClusterError.wrongState` for any other state;
    ///   `.invalidConfig` when the spec no longer validates.
    public static func restore(
        spec: ClusterSpec, clusterUuid: String, status: ClusterStatus, statusHistory: [ClusterStatus],
        clock: any ClusterClock = SystemClusterClock(), options: ClusterOptions = ClusterOptions()
    ) async throws -> SimulatedCluster {
        guard status.state == .running || status.state == .stopped else {
            throw ClusterError.wrongState(cluster: spec.clusterName, state: status.state, action: "be restored")
        }
        let sizing: YarnSizing
        do {
            // No creation-time checks: an `autoDeleteTime` that was valid when
            // the cluster was created may be close, or past, by now.
            try spec.validate(now: nil)
            sizing = try YarnSizing(config: spec.config ?? ClusterConfig())
        } catch {
            throw ClusterError.invalidConfig(error)
        }
        let cluster = SimulatedCluster(spec: spec, sizing: sizing, clock: clock, options: options, clusterUuid: clusterUuid)
        try await cluster.provision()
        if status.state == .stopped { try await cluster.stop() }
        await cluster.resume(status: status, history: statusHistory)
        return cluster
    }

    func resume(status: ClusterStatus, history: [ClusterStatus]) {
        lifecycle = ClusterLifecycle(clusterName: clusterName, status: status, history: history)
        operationList.removeAll()
    }

    /// Replaces the cluster's `lifecycleConfig` (a PATCH of
    /// `config.lifecycleConfig.*`): the new TTLs apply from now on, counted
    /// from the cluster's creation and its last idle moment as before.
    ///
    /// - Throws: `ClusterError.invalidConfig` for a TTL out of range;
    ///   `.deleted` once the cluster is being deleted.
    public func updateLifecycle(_ config: LifecycleConfig?) throws {
        try checkNotDeleted()
        var lifecycleConfig = config
        lifecycleConfig?.idleStartTime = nil
        var updated = spec.config ?? ClusterConfig()
        updated.lifecycleConfig = lifecycleConfig
        if let first = updated.validationErrors(clusterName: clusterName, now: nowTimestamp).first {
            throw ClusterError.invalidConfig(first)
        }
        spec.config = updated
        timers.config = lifecycleConfig ?? LifecycleConfig()
    }
}
