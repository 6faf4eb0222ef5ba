import Foundation
import MapReduce
import ResourceManager

extension SimulatedCluster {
    /// Loses a node without warning, as a crashed VM: its containers fail
    /// (their attempts are retried elsewhere), its directory is deleted, the
    /// map outputs on it become unavailable (so their maps run again), and its
    /// NodeManager becomes LOST. A lost secondary worker (a preemption) is
    /// replaced at once by a new one of the same name, in an UPDATE operation
    /// of its own, unless it was being decommissioned.
    ///
    /// - Throws: `ClusterError.unknownNode`, or `.nodeUnavailable` for a node
    ///   that is already gone or runs no NodeManager.
    public func loseNode(_ name: String) throws {
        guard let index = nodeIndex[name] else { throw ClusterError.unknownNode(cluster: clusterName, name: name) }
        let node = nodes[index]
        guard node.state == .running || node.state == .decommissioning, let id = node.resourceManagerID else {
            throw ClusterError.nodeUnavailable(cluster: clusterName, name: name, state: node.state)
        }
        let reason = node.role == .secondaryWorker
            ? "container killed: node \(name) was preempted"
            : "container killed: node \(name) was lost"
        do {
            containersEnded(try resourceManager.loseNode(id), reason: reason)
        } catch {
            preconditionFailure("node \(name) of cluster \(clusterName) is up but unknown to its resource manager: \(error)")
        }
        let wasLeaving = node.state == .decommissioning
        if wasLeaving { decommissions.end(id) }
        nodes[index].state = .lost
        node.disk.destroy()
        updateWorkerCounts()
        resumeDecommissionWaitersIfDone()
        if node.role == .secondaryWorker, !wasLeaving, lifecycle.state == .running || lifecycle.state == .updating {
            replacePreempted(node)
        }
        schedulePass()
    }

    /// Provisions a new secondary worker under a preempted one's name, as
    /// Dataproc's managed instance group recreates a preempted VM: an UPDATE
    /// operation of its own, done once the new NodeManager has joined. A
    /// worker that was being decommissioned is not replaced.
    func replacePreempted(_ node: SimulatedNode) {
        let operation = beginOperation(.update, description: "Replace 1 preempted secondary workers.")
        do {
            try provisionNode(role: .secondaryWorker, index: node.index)
            updateWorkerCounts()
            _ = finishOperation(operation)
        } catch {
            _ = finishOperation(operation, error: OperationError(
                code: 13, message: "could not replace preempted secondary worker \(node.name): \(error)"))
        }
    }

    /// Preempts secondary workers, highest-numbered first: the same as losing
    /// them, and each is replaced under its name (see `loseNode`).
    ///
    /// - Parameter count: How many; nil for all of them.
    /// - Returns: The names of the preempted nodes.
    @discardableResult
    public func preemptSecondaryWorkers(count: Int? = nil) throws -> [String] {
        let victims = workers(.secondaryWorker).filter { $0.state == .running }.sorted { $0.index > $1.index }
            .prefix(count ?? Int.max).map(\.name)
        for name in victims { try loseNode(name) }
        return victims
    }

    /// Fills a node's disk, as another tenant would, leaving `freeBytes` free.
    public func fillDisk(of name: String, leavingFreeBytes freeBytes: Int64 = 0) throws {
        guard let node = node(named: name) else { throw ClusterError.unknownNode(cluster: clusterName, name: name) }
        node.disk.fill(leavingFreeBytes: freeBytes)
    }

    /// Frees what `fillDisk` took.
    public func clearDiskFill(of name: String) throws {
        guard let node = node(named: name) else { throw ClusterError.unknownNode(cluster: clusterName, name: name) }
        node.disk.clearFiller()
    }

    /// Fails the next `count` attempts of task `task` (of MapReduce jobs named
    /// `jobName`, or any job): each runs and then reports "injected failure of
    /// attempt_… on node …", and the engine retries it.
    public func failAttempts(of kind: TaskKind, task: Int, count: Int = 1, jobName: String? = nil) {
        faults.add(AttemptFaultRule(kind: kind, task: task, count: count, jobName: jobName))
    }

    /// Keeps `spec`'s instance counts equal to the workers that are up.
    func updateWorkerCounts() {
        var config = spec.config ?? ClusterConfig()
        let primary = workers(.primaryWorker).count
        let secondary = workers(.secondaryWorker).count
        if config.workerConfig != nil || primary > 0 {
            var group = config.workerConfig ?? InstanceGroupConfig()
            group.numInstances = primary
            group.instanceNames = workers(.primaryWorker).map(\.name)
            config.workerConfig = group
        }
        if config.secondaryWorkerConfig != nil || secondary > 0 {
            var group = config.secondaryWorkerConfig ?? InstanceGroupConfig()
            group.numInstances = secondary
            group.instanceNames = workers(.secondaryWorker).map(\.name)
            config.secondaryWorkerConfig = group
        }
        spec.config = config
        publish(.nodes)
    }
}
