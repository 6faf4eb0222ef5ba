import Foundation
import MapReduce
import ResourceManager

extension SimulatedCluster {
    // MARK: - Update

    /// Resizes the worker groups (an UPDATE operation) and waits until it is
    /// done: new workers join at once; removed ones (those running the fewest
    /// containers, the newest among equals: `ResourceManagerState.scaleDownVictims`)
    /// are gracefully decommissioned — they take no new containers and stop
    /// when their containers finish or `gracefulDecommissionTimeout` of
    /// cluster time passes, when what still runs on them is killed and retried
    /// elsewhere. The cluster is UPDATING meanwhile, and RUNNING after.
    ///
    /// - Throws: `ClusterError.wrongState` unless RUNNING; `.invalidConfig` for
    ///   1 primary worker or a negative count.
    @discardableResult
    public func resize(
        primaryWorkers: Int, secondaryWorkers: Int, gracefulDecommissionTimeout: Duration = .zero
    ) async throws -> ClusterOperation {
        let id = try beginResize(primaryWorkers: primaryWorkers, secondaryWorkers: secondaryWorkers,
                                 gracefulDecommissionTimeout: gracefulDecommissionTimeout)
        return await waitForOperation(id)
    }

    /// Starts a resize and returns its operation at once (RUNNING, or DONE when
    /// nothing had to drain); `waitForOperation(_:)` waits for it.
    public func beginResize(
        primaryWorkers: Int, secondaryWorkers: Int, gracefulDecommissionTimeout: Duration = .zero
    ) throws -> String {
        try beginUpdate(
            ClusterUpdate(primaryWorkers: primaryWorkers, secondaryWorkers: secondaryWorkers),
            gracefulDecommissionTimeout: gracefulDecommissionTimeout
        )
    }

    /// Applies `update` as one UPDATE operation and returns its id at once: the
    /// lifecycle and autoscaling settings change now; workers are added now and
    /// removed by graceful decommission, and the operation is DONE once they have
    /// drained (at once when nothing drains). The cluster is UPDATING meanwhile.
    ///
    /// - Throws: `ClusterError.wrongState` unless RUNNING; `.invalidConfig` with the
    ///   first of `update.validationErrors(…)`; nothing changes then.
    public func beginUpdate(_ update: ClusterUpdate, gracefulDecommissionTimeout: Duration = .zero) throws -> String {
        try checkNotDeleted()
        guard lifecycle.state == .running else {
            throw ClusterError.wrongState(cluster: clusterName, state: lifecycle.state, action: "be updated")
        }
        if let first = update.validationErrors(clusterName: clusterName, config: spec.config ?? ClusterConfig(), now: nowTimestamp).first {
            throw ClusterError.invalidConfig(first)
        }
        let primaryDelta = update.primaryWorkers.map { $0 - workers(.primaryWorker).count } ?? 0
        let secondaryDelta = update.secondaryWorkers.map { $0 - workers(.secondaryWorker).count } ?? 0
        let operation = beginOperation(.update, description: Self.updateDescription(
            update, primaryDelta: primaryDelta, secondaryDelta: secondaryDelta))
        try move(to: .updating)
        applySettings(of: update)
        do {
            try resizeGroups(primaryDelta: primaryDelta, secondaryDelta: secondaryDelta, timeout: gracefulDecommissionTimeout)
        } catch {
            // A worker could not be provisioned: the operation fails, and the workers that did join stay.
            updateWorkerCounts()
            _ = finishOperation(operation, error: OperationError(code: 13, message: "could not add workers: \(error)"))
            try move(to: .running)
            schedulePass()
            return operation
        }
        updateWorkerCounts()
        processDueDecommissions()
        schedulePass()
        let task = Task { await self.completeResize(operation) }
        operationTasks[operation] = task
        return operation
    }

    /// Provisions the workers a resize adds, and starts decommissioning those it removes.
    private func resizeGroups(primaryDelta: Int, secondaryDelta: Int, timeout: Duration) throws {
        for (role, delta) in [(ClusterNodeRole.primaryWorker, primaryDelta), (.secondaryWorker, secondaryDelta)] {
            if delta > 0 {
                for _ in 0..<delta { try provisionNode(role: role, index: freeIndex(role)) }
            } else if delta < 0 {
                let candidates = workers(role).compactMap(\.resourceManagerID)
                for victim in resourceManager.scaleDownVictims(among: candidates, count: -delta) {
                    if let name = nodeName(of: victim) { startDecommission(name, timeout: timeout) }
                }
            }
        }
    }

    /// The lowest worker number of `role` not in use.
    func freeIndex(_ role: ClusterNodeRole) -> Int {
        let used = Set(workers(role).map(\.index))
        return (0...).first { !used.contains($0) } ?? used.count
    }

    /// Dataproc's wording of an UPDATE: "Add 2 workers. Remove 1 secondary workers.".
    static func updateDescription(_ update: ClusterUpdate, primaryDelta: Int, secondaryDelta: Int) -> String {
        var parts: [String] = []
        if primaryDelta > 0 { parts.append("Add \(primaryDelta) workers.") }
        if primaryDelta < 0 { parts.append("Remove \(-primaryDelta) workers.") }
        if secondaryDelta > 0 { parts.append("Add \(secondaryDelta) secondary workers.") }
        if secondaryDelta < 0 { parts.append("Remove \(-secondaryDelta) secondary workers.") }
        if parts.isEmpty, !update.resizes, update.lifecycleConfig == nil, case let .some(autoscaling) = update.autoscalingConfig {
            parts.append(autoscaling?.policyUri.map { "Attach autoscaling policy \($0)." } ?? "Disable autoscaling.")
        }
        return parts.isEmpty ? "Update cluster." : parts.joined(separator: " ")
    }

    /// Sets the update's lifecycle and autoscaling settings.
    func applySettings(of update: ClusterUpdate) {
        guard update.lifecycleConfig != nil || update.autoscalingConfig != nil else { return }
        var config = spec.config ?? ClusterConfig()
        if case let .some(lifecycleConfig) = update.lifecycleConfig {
            var settled = lifecycleConfig
            settled?.idleStartTime = nil
            if settled == LifecycleConfig() { settled = nil }
            config.lifecycleConfig = settled
            timers.config = settled ?? LifecycleConfig()
        }
        if case let .some(autoscalingConfig) = update.autoscalingConfig {
            config.autoscalingConfig = autoscalingConfig?.policyUri?.isEmpty == false ? autoscalingConfig : nil
        }
        spec.config = config
        publish(.config)
    }

    func completeResize(_ operation: String) async {
        while !isDeleted, deleteTask == nil, nodes.contains(where: { $0.state == .decommissioning }) {
            await withCheckedContinuation { decommissionWaiters.append($0) }
        }
        if isDeleted || deleteTask != nil {
            // The delete removed the draining workers: the update never reached its sizes.
            _ = finishOperation(operation, error: OperationError(
                code: 1, message: "cluster '\(clusterName)' was deleted before the update finished removing workers"
            ))
            return
        }
        if lifecycle.state == .updating {
            do {
                try move(to: .running)
            } catch {
                updateWorkerCounts()
                _ = finishOperation(operation, error: OperationError(code: 9, message: String(describing: error)))
                return
            }
        }
        updateWorkerCounts()
        _ = finishOperation(operation)
        refreshIdle()
    }

    /// Waits until the operation is done and returns it.
    ///
    /// - Precondition: `id` is one of this cluster's operations.
    public func waitForOperation(_ id: String) async -> ClusterOperation {
        if let task = operationTasks[id] { await task.value }
        guard let operation = operation(id: id) else {
            preconditionFailure("cluster \(clusterName) has no operation \(id); pass an id one of its calls returned")
        }
        return operation
    }

    func startDecommission(_ name: String, timeout: Duration) {
        guard let index = nodeIndex[name], let id = nodes[index].resourceManagerID else { return }
        // A victim already draining keeps the drain, and the deadline, it has.
        guard resourceManager.node(id)?.state.canMove(to: .decommissioning) == true else { return }
        let drained: Bool
        do {
            drained = try resourceManager.startDecommissioning(id)
        } catch {
            preconditionFailure("node \(name) of cluster \(clusterName) was checked to be able to drain: \(error)")
        }
        nodes[index].state = .decommissioning
        if drained {
            completeDecommission(id, forced: false)
        } else {
            decommissions.begin(id, now: clock.now, timeout: timeout)
        }
    }

    /// Stops a draining node: gracefully once empty, or forcefully at its
    /// timeout, killing what still runs there.
    func completeDecommission(_ id: NodeID, forced: Bool) {
        guard let name = nodeName(of: id), let index = nodeIndex[name] else { return }
        decommissions.end(id)
        // A draining node lost meanwhile (a preemption) has no container left to kill.
        if resourceManager.node(id)?.state.canMove(to: .decommissioned) == true {
            do {
                containersEnded(try resourceManager.completeDecommissioning(id),
                                reason: "container killed: node \(name) was decommissioned when its graceful decommission timeout expired")
            } catch {
                preconditionFailure("node \(name) of cluster \(clusterName) was checked to be able to stop: \(error)")
            }
        }
        nodes[index].state = .decommissioned
        nodes[index].disk.destroy()
        updateWorkerCounts()
        resumeDecommissionWaitersIfDone()
        _ = forced
    }

    func processDueDecommissions() {
        for id in decommissions.due(at: clock.now) { completeDecommission(id, forced: true) }
        schedulePass()
    }

    func resumeDecommissionWaitersIfDone() {
        guard !nodes.contains(where: { $0.state == .decommissioning }) else { return }
        let waiting = decommissionWaiters
        decommissionWaiters = []
        for waiter in waiting { waiter.resume() }
    }
}
