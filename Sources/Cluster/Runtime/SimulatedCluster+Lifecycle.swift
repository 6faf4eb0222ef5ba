import Foundation
import MapReduce
import ResourceManager

extension SimulatedCluster {
    // MARK: - Operations

    /// Records a new operation, RUNNING from now.
    func beginOperation(_ type: OperationType, description: String, id: String? = nil) -> String {
        let operation = ClusterOperation.started(
            id: id ?? UUID().uuidString.lowercased(), clusterName: clusterName, clusterUuid: clusterUuid,
            operationType: type, description: description, at: nowTimestamp
        )
        operationList.append(operation)
        publish(.operation(operation))
        return operation.id
    }

    func finishOperation(_ id: String, error: OperationError? = nil, warnings: [String] = []) -> ClusterOperation {
        guard let index = operationList.firstIndex(where: { $0.id == id }) else {
            preconditionFailure("cluster \(clusterName) finished operation \(id), which it never began")
        }
        // Every path that begins an operation finishes it exactly once.
        do {
            try operationList[index].finish(error: error, at: nowTimestamp)
            operationList[index].warnings += warnings
        } catch {
            preconditionFailure("cluster \(clusterName) finished operation \(id) twice: \(error)")
        }
        publish(.operation(operationList[index]))
        return operationList[index]
    }

    func move(to state: ClusterState, detail: String? = nil) throws {
        try lifecycle.move(to: state, detail: detail, at: nowTimestamp)
        publish(.status(lifecycle.status))
    }

    // MARK: - Create

    /// The CREATE operation: provisions the master and workers, then RUNNING.
    func provision(operationID: String? = nil) throws {
        let config = spec.config ?? ClusterConfig()
        let workers = config.primaryWorkerCount
        let operation = beginOperation(.create, description: "Create cluster with \(workers) workers", id: operationID)
        do {
            for index in 0..<config.masterCount { try provisionNode(role: .master, index: index) }
            for index in 0..<workers { try provisionNode(role: .primaryWorker, index: index) }
            for index in 0..<config.secondaryWorkerCount { try provisionNode(role: .secondaryWorker, index: index) }
            var filled = config
            var master = filled.masterConfig ?? InstanceGroupConfig()
            master.numInstances = config.masterCount
            master.instanceNames = nodes.filter { $0.role == .master }.map(\.name)
            filled.masterConfig = master
            spec.config = filled
            updateWorkerCounts()
            try move(to: .running)
        } catch {
            // CREATING may always move to ERROR, and provisioning runs only while CREATING.
            do {
                try move(to: .error, detail: String(describing: error))
            } catch {
                preconditionFailure("cluster \(clusterName) failed while CREATING and could not record ERROR: \(error)")
            }
            _ = finishOperation(operation, error: OperationError(code: 13, message: String(describing: error)))
            throw error
        }
        _ = finishOperation(operation)
        idleSince = clock.now
        sampleMetrics()
        startTimer()
    }

    // MARK: - Update

    /// Resizes the worker groups (an UPDATE operation) and waits until it is
    /// done: new workers join at once; removed ones (highest-numbered first)
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
        for (role, delta) in [(ClusterNodeRole.primaryWorker, primaryDelta), (.secondaryWorker, secondaryDelta)] {
            if delta > 0 {
                for _ in 0..<delta { try provisionNode(role: role, index: freeIndex(role)) }
            } else if delta < 0 {
                let candidates = workers(role).compactMap(\.resourceManagerID)
                for victim in resourceManager.scaleDownVictims(among: candidates, count: -delta) {
                    if let name = nodeName(of: victim) { startDecommission(name, timeout: gracefulDecommissionTimeout) }
                }
            }
        }
        updateWorkerCounts()
        processDueDecommissions()
        schedulePass()
        let task = Task { await self.completeResize(operation) }
        operationTasks[operation] = task
        return operation
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

    // MARK: - Stop and start

    /// Stops the cluster (a STOP operation) and waits until it is stopped:
    /// running jobs fail, every container is released, the NodeManagers leave
    /// YARN and their local directories are emptied. STOPPING, then STOPPED.
    @discardableResult
    public func stop() async throws -> ClusterOperation {
        let id = try beginStop()
        return await waitForOperation(id)
    }

    /// Starts stopping the cluster: it is STOPPING when this returns, and the
    /// returned operation finishes once its jobs have ended and its nodes left YARN.
    ///
    /// - Throws: `ClusterError.wrongState` unless RUNNING; `.deleted`.
    public func beginStop() throws -> String {
        try checkNotDeleted()
        guard lifecycle.state == .running else {
            throw ClusterError.wrongState(cluster: clusterName, state: lifecycle.state, action: "be stopped")
        }
        let operation = beginOperation(.stop, description: "Stop cluster")
        try move(to: .stopping)
        operationTasks[operation] = Task { await self.completeStop(operation) }
        return operation
    }

    func completeStop(_ operation: String) async {
        await endAllJobs(.clusterStopped)
        guard !isDeleted, deleteTask == nil else {
            _ = finishOperation(operation, error: OperationError(
                code: 1, message: "cluster '\(clusterName)' was deleted before it had stopped"
            ))
            return
        }
        for index in nodes.indices where nodes[index].state == .running || nodes[index].state == .decommissioning {
            if let id = nodes[index].resourceManagerID {
                do {
                    containersEnded(try resourceManager.removeNode(id), reason: "container killed: cluster \(clusterName) was stopped")
                } catch {
                    preconditionFailure("node \(nodes[index].name) of cluster \(clusterName) has a NodeManager the resource manager does not know: \(error)")
                }
            }
            nodes[index].resourceManagerID = nil
            nodes[index].disk.destroy()
        }
        do {
            try move(to: .stopped)
            _ = finishOperation(operation)
        } catch {
            _ = finishOperation(operation, error: OperationError(code: 9, message: String(describing: error)))
        }
    }

    /// Starts a stopped cluster again (a START operation): its nodes rejoin
    /// with empty local disks. STARTING, then RUNNING.
    @discardableResult
    public func start() throws -> ClusterOperation {
        try checkNotDeleted()
        guard lifecycle.state == .stopped else {
            throw ClusterError.wrongState(cluster: clusterName, state: lifecycle.state, action: "be started")
        }
        let operation = beginOperation(.start, description: "Start cluster")
        try move(to: .starting)
        let up = nodes.filter { $0.state == .running }
        for node in up { try provisionNode(role: node.role, index: node.index) }
        try move(to: .running)
        idleSince = nil
        refreshIdle()
        schedulePass()
        return finishOperation(operation)
    }

    // MARK: - Delete

    /// Deletes the cluster (a DELETE operation) and waits until it is gone:
    /// running jobs end in ERROR saying the cluster was deleted, every
    /// container is released and every node directory removed.
    @discardableResult
    public func delete(detail: String? = nil) async throws -> ClusterOperation {
        if let deleteTask { return await deleteTask.value }
        let id = try beginDelete(detail: detail)
        return await waitForOperation(id)
    }

    /// Starts deleting the cluster: it is DELETING when this returns, and the
    /// returned operation finishes once jobs have stopped and directories are gone.
    public func beginDelete(detail: String? = nil) throws -> String {
        try checkNotDeleted()
        guard lifecycle.state.canMove(to: .deleting) else {
            throw ClusterError.wrongState(cluster: clusterName, state: lifecycle.state, action: "be deleted")
        }
        let operation = beginOperation(.delete, description: "Delete cluster")
        try move(to: .deleting, detail: detail)
        let task = Task { await self.completeDelete(operation) }
        deleteTask = task
        operationTasks[operation] = Task { _ = await task.value }
        return operation
    }

    func completeDelete(_ operation: String) async -> ClusterOperation {
        timerTask?.cancel()
        await endAllJobs(.clusterDeleted)
        for index in nodes.indices {
            if let id = nodes[index].resourceManagerID {
                do {
                    containersEnded(try resourceManager.removeNode(id), reason: "container killed: cluster \(clusterName) was deleted")
                } catch {
                    preconditionFailure("node \(nodes[index].name) of cluster \(clusterName) has a NodeManager the resource manager does not know: \(error)")
                }
            }
            nodes[index].resourceManagerID = nil
            nodes[index].disk.destroy()
        }
        carryOut(placement.onClusterDeleted())
        let warnings = removeDataDirectory()
        let waiting = decommissionWaiters
        decommissionWaiters = []
        for waiter in waiting { waiter.resume() }
        isDeleted = true
        let finished = finishOperation(operation, warnings: warnings)
        publishDeletion()
        return finished
    }

    /// Removes the cluster's directory; a failure becomes a warning on the
    /// DELETE operation, which names what is left behind.
    func removeDataDirectory() -> [String] {
        guard FileManager.default.fileExists(atPath: dataDirectory) else { return [] }
        do {
            try FileManager.default.removeItem(atPath: dataDirectory)
            return []
        } catch {
            return ["Cluster '\(clusterName)' left files in \(dataDirectory): \(error). Remove that directory by hand."]
        }
    }

    func checkNotDeleted() throws {
        if isDeleted || deleteTask != nil { throw ClusterError.deleted(cluster: clusterName) }
    }

    // MARK: - Time

    /// Processes whatever is due at the clock's current time: forced
    /// decommissions at their timeout, a metrics sample, and deletion by
    /// `idleDeleteTtl`, `autoDeleteTtl` or `autoDeleteTime` — waiting for that
    /// deletion to finish. Runs by itself on the cluster's clock; with a
    /// `ManualClusterClock`, call it after `advance(by:)` for a deterministic step.
    public func tick() async {
        guard !isDeleted else { return }
        if let deleteTask {
            _ = await deleteTask.value
            return
        }
        processDueDecommissions()
        let now = clock.now
        if lastSample.map({ now - $0 >= options.metricsSampleInterval }) ?? true { sampleMetrics() }
        refreshIdle()
        if lifecycle.state.canMove(to: .deleting),
           let reason = timers.deletionDue(now: now, idleSince: lifecycle.state.acceptsJobs ? idleSince : nil, date: clock.date(of:)) {
            // Nothing suspends between these checks and the delete starting, so it cannot be refused.
            do {
                _ = try await delete(detail: reason)
            } catch {
                preconditionFailure("cluster \(clusterName) was checked to be deletable: \(error)")
            }
        }
    }

    /// When the timer should next wake: the next sample, decommission deadline or deletion deadline.
    func nextWakeup() -> ClusterInstant? {
        guard !isDeleted else { return nil }
        let now = clock.now
        var candidates = [(lastSample ?? now) + options.metricsSampleInterval]
        if let deadline = decommissions.nextDeadline { candidates.append(deadline) }
        if let deadline = timers.nextDeadline(idleSince: idleSince, now: now, date: clock.date(of:)) { candidates.append(deadline) }
        return candidates.min().map { max($0, now) }
    }

    func startTimer() {
        let clock = self.clock
        timerTask = Task { [weak self] in
            while true {
                guard let deadline = await self?.nextWakeup() else { return }
                do { try await clock.sleep(until: deadline) } catch { return }
                guard let cluster = self else { return }
                await cluster.tick()
            }
        }
    }

    /// Idle means no PENDING/RUNNING job and no pending/running YARN application;
    /// `idleSince` is when that last became true.
    func refreshIdle() {
        let activeJobs = jobs.values.contains { !$0.status.state.isFinal }
        let metrics = resourceManager.metrics
        let busy = activeJobs || metrics.appsPending > 0 || metrics.appsRunning > 0 || !lifecycle.state.acceptsJobs
        if busy {
            idleSince = nil
        } else if idleSince == nil {
            idleSince = clock.now
        }
    }
}
