import ResourceManager

// Workers joining and leaving, resizes, preemption and sampling.
extension SimulationEngine {
    /// Adds a worker of `role` to YARN now.
    mutating func join(role: Int) throws {
        let name = role == Self.primary ? "sim-w-\(nodeNames[role])" : "sim-sw-\(nodeNames[role])"
        nodeNames[role] += 1
        let id = try resourceManager.addNode(name: name, role: role == Self.primary ? .primary : .secondary, capacity: capacities[role])
        activeNodes[role].append(id)
        if role == Self.secondary, configuration.secondaryPreemptionsPerHour > 0 {
            let lifetimeHours = random.exponential(mean: 1 / configuration.secondaryPreemptionsPerHour)
            queue.push(.preempt(id), at: now + Int64((lifetimeHours * 3_600_000).rounded(.up)))
        }
    }

    mutating func nodeReady(role: Int, forOperation: Bool) throws {
        provisioning[role] -= 1
        try join(role: role)
        if forOperation, operation != nil {
            operation?.joinsLeft -= 1
            finishOperationIfDone()
        }
    }

    /// Adds what every worker billed since the last change has cost.
    mutating func accrue() {
        let elapsed = Double(now - accruedUntil)
        guard elapsed > 0 else { return }
        for role in [Self.primary, Self.secondary] {
            let billed = provisioning[role] + activeNodes[role].count + decommissioningCount[role]
            workerMs[role] += Double(billed) * elapsed
        }
        accruedUntil = now
    }

    // MARK: Resize

    mutating func resize(_ request: ResizeRequest) throws {
        accrue()
        operation = Operation(request: request)
        clusterState = .updating
        let timeoutMs = max(0, Self.milliseconds(request.gracefulDecommissionTimeout))
        for (role, target) in [(Self.primary, request.primaryWorkers), (Self.secondary, request.secondaryWorkers)] {
            let change = target - configured[role]
            configured[role] = target
            if change > 0 {
                provisioning[role] += change
                operation?.joinsLeft += change
                for _ in 0..<change { queue.push(.nodeReady(role: role, forOperation: true), at: now + provisioningMs) }
            } else if change < 0 {
                for node in chooseNodesToRemove(role: role, count: -change) {
                    try decommission(node, role: role, timeoutMs: timeoutMs)
                }
            }
        }
        finishOperationIfDone()
    }

    /// The `count` workers of `role` a live cluster would remove
    /// (``ResourceManagerState/scaleDownVictims(among:count:)``); they leave the active set.
    ///
    /// - Complexity: O(n log n) for the role's n workers, once per resize.
    mutating func chooseNodesToRemove(role: Int, count: Int) -> [NodeID] {
        let chosen = resourceManager.scaleDownVictims(among: activeNodes[role], count: count)
        let removed = Set(chosen)
        activeNodes[role].removeAll { removed.contains($0) }
        return chosen
    }

    mutating func decommission(_ node: NodeID, role: Int, timeoutMs: Int64) throws {
        decommissioning[node] = role
        decommissioningCount[role] += 1
        operation?.leavesLeft += 1
        let drained = try resourceManager.startDecommissioning(node)
        if drained || timeoutMs == 0 {
            try completeDecommission(node)
        } else {
            decommissions.begin(node, now: Self.instant(now), timeout: .milliseconds(timeoutMs))
            queue.push(.decommissionDeadline, at: now + timeoutMs)
        }
    }

    /// Removes a draining worker: gracefully when drained, forcefully at its deadline
    /// (its containers are killed and their tasks requested again).
    mutating func completeDecommission(_ node: NodeID) throws {
        guard let role = decommissioning.removeValue(forKey: node) else { return }
        accrue()
        decommissioningCount[role] -= 1
        decommissions.end(node)
        let killed = try resourceManager.completeDecommissioning(node)
        try requeue(killed)
        try resourceManager.removeNode(node)
        if operation != nil {
            operation?.leavesLeft -= 1
            finishOperationIfDone()
        }
    }

    mutating func forceDueDecommissions() throws {
        for node in decommissions.due(at: Self.instant(now)) {
            try completeDecommission(node)
        }
    }

    mutating func finishOperationIfDone() {
        guard let current = operation, current.joinsLeft <= 0, current.leavesLeft <= 0 else { return }
        operation = nil
        clusterState = .running
        scalingOperations += 1
        autoscaler.onResizeFinished(
            requestID: current.request.requestID, operationName: "operations/\(current.request.requestID)", at: Self.instant(now))
    }

    // MARK: Preemption

    mutating func preempt(_ node: NodeID) throws {
        guard let report = resourceManager.node(node), !report.state.isFinal else { return }
        accrue()
        preemptions += 1
        let killed = try resourceManager.loseNode(node)
        try requeue(killed)
        try resourceManager.removeNode(node)
        if let role = decommissioning.removeValue(forKey: node) {
            // It was leaving anyway: no replacement, and the resize no longer waits for it.
            decommissioningCount[role] -= 1
            decommissions.end(node)
            if operation != nil {
                operation?.leavesLeft -= 1
                finishOperationIfDone()
            }
            return
        }
        activeNodes[Self.secondary].removeAll { $0 == node }
        provisioning[Self.secondary] += 1
        queue.push(.nodeReady(role: Self.secondary, forOperation: false), at: now + provisioningMs)
    }

    // MARK: Sampling

    mutating func sample() throws {
        let metrics = resourceManager.metrics
        let inYarn = [activeNodes[0].count, activeNodes[1].count]
        samples.append(SimulationSample(
            timeSeconds: Double(now) / 1000,
            primaryWorkers: inYarn[0] + decommissioningCount[0],
            secondaryWorkers: inYarn[1] + decommissioningCount[1],
            decommissioningWorkers: decommissioningCount[0] + decommissioningCount[1],
            provisioningWorkers: provisioning[0] + provisioning[1],
            pendingMemoryMB: metrics.memoryMBPending,
            availableMemoryMB: metrics.memoryMBAvailable,
            allocatedMemoryMB: metrics.memoryMBAllocated,
            pendingContainers: metrics.containersPending,
            allocatedContainers: metrics.containersAllocated,
            runningJobs: jobsStarted - jobsFinished,
            waitingJobs: jobsArrived - jobsStarted
        ))
        let observation = ClusterObservation(
            state: clusterState,
            shape: ClusterShape(primaryWorkers: configured[0], secondaryWorkers: configured[1], nodeManagerMemoryMB: nodeManagerMemoryMB),
            metrics: metrics)
        for action in autoscaler.onSample(observation, at: Self.instant(now)) {
            switch action {
            case let .resize(request):
                try resize(request)
                try schedulePass()
            case .skip:
                skippedEvaluations += 1
            }
        }
        queue.push(.sample, at: now + sampleMs)
    }

    // MARK: Report

    func report() -> SimulationReport {
        var waiting: [Double] = []
        var completion: [Double] = []
        waiting.reserveCapacity(jobs.count)
        completion.reserveCapacity(jobs.count)
        for job in jobs {
            if job.startedMs >= 0 { waiting.append(Double(job.startedMs - job.arrivalMs) / 1000) }
            if job.finishedMs >= 0 { completion.append(Double(job.finishedMs - job.arrivalMs) / 1000) }
        }
        return SimulationReport(
            policyID: configuration.policy?.id,
            nodeManagerMemoryMB: nodeManagerMemoryMB,
            samples: samples,
            simulatedSeconds: Double(now) / 1000,
            jobsSubmitted: jobs.count,
            jobsCompleted: jobsFinished,
            tasksCompleted: tasksCompleted,
            tasksRerun: tasksRerun,
            applicationMastersRestarted: applicationMastersRestarted,
            preemptions: preemptions,
            waitingTime: DurationStatistics(seconds: waiting),
            completionTime: DurationStatistics(seconds: completion),
            primaryWorkerHours: workerMs[0] / 3_600_000,
            secondaryWorkerHours: workerMs[1] / 3_600_000,
            scalingOperations: scalingOperations,
            skippedEvaluations: skippedEvaluations,
            history: autoscaler.history.entries,
            events: events
        )
    }
}
