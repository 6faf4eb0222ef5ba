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
    /// Lifecycle deadlines are absolute, as Dataproc's: `autoDeleteTtl` counts
    /// from `createTime`, and `idleDeleteTtl` from `idleSince` (the cluster's
    /// `idleStartTime` before the restart; nil counts from now).
    ///
    /// - Throws: `ClusterError.wrongState` for any other state;
    ///   `.invalidConfig` when the spec no longer validates.
    public static func restore(
        spec: ClusterSpec, clusterUuid: String, status: ClusterStatus, statusHistory: [ClusterStatus],
        createTime: GoogleTimestamp? = nil, idleSince: GoogleTimestamp? = nil,
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
        await cluster.resume(status: status, history: statusHistory, createTime: createTime, idleSince: idleSince)
        return cluster
    }

    func resume(status: ClusterStatus, history: [ClusterStatus], createTime: GoogleTimestamp?, idleSince idleStart: GoogleTimestamp?) {
        lifecycle = ClusterLifecycle(clusterName: clusterName, status: status, history: history)
        operationList.removeAll()
        if let createTime { timers.createdAt = instant(of: createTime) }
        if let idleStart, idleSince != nil { idleSince = instant(of: idleStart) }
        // The timer slept toward deadlines counted from now: wake it for the restored ones.
        timerTask?.cancel()
        startTimer()
    }

    /// The instant of the clock at which its wall clock reads `time` (before
    /// the origin for a time before the clock started).
    func instant(of time: GoogleTimestamp) -> ClusterInstant {
        let now = clock.now
        let ago = clock.date(of: now).timeIntervalSince(time.date)
        return ClusterInstant(sinceOrigin: now.sinceOrigin - .microseconds(Int64((ago * 1e6).rounded())))
    }

    /// Replaces the cluster's `lifecycleConfig` (a PATCH of
    /// `config.lifecycleConfig.*`) as an UPDATE operation that is done at once:
    /// the new TTLs apply from now on, counted from the cluster's creation and
    /// its last idle moment as before.
    ///
    /// - Throws: `ClusterError.invalidConfig` for a TTL out of range;
    ///   `.wrongState` unless RUNNING; `.deleted` once the cluster is being deleted.
    @discardableResult
    public func updateLifecycle(_ config: LifecycleConfig?) async throws -> ClusterOperation {
        await waitForOperation(try beginUpdate(ClusterUpdate(lifecycleConfig: .some(config))))
    }
}
