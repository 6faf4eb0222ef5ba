import Foundation
import MapReduce
import ResourceManager

extension SimulatedCluster {
    // MARK: - Operations

    /// Records a new operation, RUNNING from now.
    func beginOperation(_ type: OperationType, description: String) -> String {
        var operation = ClusterOperation(
            clusterName: clusterName, clusterUuid: clusterUuid, operationType: type, description: description, at: nowTimestamp
        )
        operation.markRunning(at: nowTimestamp)
        operationList.append(operation)
        return operation.id
    }

    func finishOperation(_ id: String, error: OperationError? = nil) -> ClusterOperation {
        guard let index = operationList.firstIndex(where: { $0.id == id }) else {
            return ClusterOperation(clusterName: clusterName, clusterUuid: clusterUuid, operationType: .update, description: "", at: nowTimestamp)
        }
        operationList[index].finish(error: error, at: nowTimestamp)
        return operationList[index]
    }

    func move(to state: ClusterState, detail: String? = nil) throws {
        try lifecycle.move(to: state, detail: detail, at: nowTimestamp)
    }

    // MARK: - Create

    /// The CREATE operation: provisions the master and workers, then RUNNING.
    func provision() throws {
        let config = spec.config ?? ClusterConfig()
        let workers = config.primaryWorkerCount
        let operation = beginOperation(.create, description: "Create cluster with \(workers) workers")
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
            try? move(to: .error, detail: String(describing: error))
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
        try checkNotDeleted()
        guard lifecycle.state == .running else {
            throw ClusterError.wrongState(cluster: clusterName, state: lifecycle.state, action: "be updated")
        }
        guard primaryWorkers != 1 else { throw ClusterError.invalidConfig(.onePrimaryWorker(cluster: clusterName)) }
        guard primaryWorkers >= 0 else {
            throw ClusterError.invalidConfig(.negativeCount(field: "config.workerConfig.numInstances", value: primaryWorkers))
        }
        guard secondaryWorkers >= 0 else {
            throw ClusterError.invalidConfig(.negativeCount(field: "config.secondaryWorkerConfig.numInstances", value: secondaryWorkers))
        }
        let primaryDelta = primaryWorkers - workers(.primaryWorker).count
        let secondaryDelta = secondaryWorkers - workers(.secondaryWorker).count
        var parts: [String] = []
        if primaryDelta > 0 { parts.append("Add \(primaryDelta) workers.") }
        if primaryDelta < 0 { parts.append("Remove \(-primaryDelta) workers.") }
        if secondaryDelta > 0 { parts.append("Add \(secondaryDelta) secondary workers.") }
        if secondaryDelta < 0 { parts.append("Remove \(-secondaryDelta) secondary workers.") }
        let operation = beginOperation(.update, description: parts.isEmpty ? "Update cluster." : parts.joined(separator: " "))
        try move(to: .updating)
        for (role, delta) in [(ClusterNodeRole.primaryWorker, primaryDelta), (.secondaryWorker, secondaryDelta)] {
            if delta > 0 {
                for _ in 0..<delta {
                    let used = Set(workers(role).map(\.index))
                    let index = (0...).first { !used.contains($0) } ?? used.count
                    try provisionNode(role: role, index: index)
                }
            } else if delta < 0 {
                let victims = workers(role).filter { $0.state == .running }.sorted { $0.index > $1.index }.prefix(-delta)
                for victim in victims { startDecommission(victim.name, timeout: gracefulDecommissionTimeout) }
            }
        }
        updateWorkerCounts()
        processDueDecommissions()
        schedulePass()
        let task = Task { await self.completeResize(operation) }
        operationTasks[operation] = task
        return operation
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
        if lifecycle.state == .updating { try? move(to: .running) }
        updateWorkerCounts()
        _ = finishOperation(operation)
        refreshIdle()
    }

    /// Waits until the operation is done and returns it.
    public func waitForOperation(_ id: String) async -> ClusterOperation {
        if let task = operationTasks[id] { await task.value }
        return operation(id: id) ?? finishOperation(id)
    }

    func startDecommission(_ name: String, timeout: Duration) {
        guard let index = nodeIndex[name], let id = nodes[index].resourceManagerID else { return }
        guard let drained = try? resourceManager.startDecommissioning(id) else { return }
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
        if let killed = try? resourceManager.completeDecommissioning(id) {
            containersEnded(killed, reason: "container killed: node \(name) was decommissioned when its graceful decommission timeout expired")
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

    /// Stops the cluster (a STOP operation): running jobs fail, every
    /// container is released, the NodeManagers leave YARN and their local
    /// directories are emptied. STOPPING, then STOPPED.
    @discardableResult
    public func stop() async throws -> ClusterOperation {
        try checkNotDeleted()
        guard lifecycle.state == .running else {
            throw ClusterError.wrongState(cluster: clusterName, state: lifecycle.state, action: "be stopped")
        }
        let operation = beginOperation(.stop, description: "Stop cluster")
        try move(to: .stopping)
        await endAllJobs(.clusterStopped)
        for index in nodes.indices where nodes[index].state == .running || nodes[index].state == .decommissioning {
            if let id = nodes[index].resourceManagerID, let killed = try? resourceManager.removeNode(id) {
                containersEnded(killed, reason: "container killed: cluster \(clusterName) was stopped")
            }
            nodes[index].resourceManagerID = nil
            nodes[index].disk.destroy()
        }
        try move(to: .stopped)
        return finishOperation(operation)
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
            if let id = nodes[index].resourceManagerID, let killed = try? resourceManager.removeNode(id) {
                containersEnded(killed, reason: "container killed: cluster \(clusterName) was deleted")
            }
            nodes[index].resourceManagerID = nil
            nodes[index].disk.destroy()
        }
        for (id, waiter) in waiters {
            waiters[id] = nil
            waiter.continuation.resume(throwing: ClusterError.deleted(cluster: clusterName))
        }
        try? FileManager.default.removeItem(atPath: dataDirectory)
        let waiting = decommissionWaiters
        decommissionWaiters = []
        for waiter in waiting { waiter.resume() }
        isDeleted = true
        return finishOperation(operation)
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
            _ = try? await delete(detail: reason)
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
