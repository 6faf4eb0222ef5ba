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
}
