import Foundation
import MapReduce
import ResourceManager

extension SimulatedCluster {
    /// How many containers an attempt may hold on nodes it must avoid while it
    /// waits for a better one; past this it takes what it gets.
    static let maximumParkedContainers = 8

    /// Asks for one container and waits until the resource manager places it.
    ///
    /// Requests wait in the FIFO queue (showing as pending memory) until they
    /// fit. A container placed on a node in `excluded` is held while the
    /// request goes round again, as long as some other RUNNING worker could
    /// ever hold it, so that a retried attempt runs elsewhere.
    ///
    /// - Throws: `CancellationError` if the calling task is cancelled while
    ///   waiting; `ClusterError` if the request can never be placed.
    func allocate(
        application: ApplicationID, resources: Resources, excluded: Set<String>, kind: ContainerUse.Kind, jobName: String
    ) async throws -> ContainerGrant {
        guard lifecycle.state.acceptsJobs else {
            throw ClusterError.wrongState(cluster: clusterName, state: lifecycle.state, action: "run containers")
        }
        let request: ContainerRequestID
        do {
            request = try resourceManager.requestContainers(1, of: resources, for: application)
        } catch {
            throw ClusterError.resourceManager(error)
        }
        let waiterID = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<ContainerGrant, any Error>) in
                waiters[waiterID] = ContainerWaiter(
                    application: application, resources: resources, excluded: excluded, kind: kind,
                    jobName: jobName, continuation: continuation
                )
                waiterByRequest[request] = waiterID
                if Task.isCancelled {
                    cancelWaiter(waiterID)
                } else {
                    schedulePass()
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(waiterID) }
        }
    }

    /// Gives up a waiting request: its held containers go back, and the
    /// container it was waiting for is released if it is ever placed.
    func cancelWaiter(_ id: Int) {
        guard let waiter = waiters.removeValue(forKey: id) else { return }
        for parked in waiter.parked { endContainer(parked, reason: nil, release: true) }
        waiter.continuation.resume(throwing: CancellationError())
        schedulePass()
    }

    /// A scheduling pass: places what fits and hands each container to its waiter.
    func schedulePass() {
        // Room may have appeared (nodes added, containers released): masters waiting for their share re-check.
        defer { wakeMasterSlotWaiters() }
        var placed = resourceManager.schedule()
        while !placed.isEmpty {
            var freedRoom = false
            for container in placed {
                let nodeName = nodeName(of: container.nodeID) ?? ""
                guard let waiterID = waiterByRequest.removeValue(forKey: container.requestID),
                      var waiter = waiters.removeValue(forKey: waiterID) else {
                    // Its waiter gave up: nobody will use it.
                    _ = try? resourceManager.releaseContainer(container.id)
                    freedRoom = true
                    continue
                }
                if waiter.excluded.contains(nodeName), waiter.parked.count < Self.maximumParkedContainers,
                   hasOtherWorker(for: waiter.resources, avoiding: waiter.excluded),
                   let again = try? resourceManager.requestContainers(1, of: waiter.resources, for: waiter.application) {
                    noteAllocated(container, use: ContainerUse(kind: .parked, nodeName: nodeName, memoryMB: container.resources.memoryMB, cancellation: CancellationFlag()))
                    waiter.parked.append(container.id)
                    waiters[waiterID] = waiter
                    waiterByRequest[again] = waiterID
                    freedRoom = true
                    continue
                }
                for parked in waiter.parked { endContainer(parked, reason: nil, release: true) }
                freedRoom = freedRoom || !waiter.parked.isEmpty
                guard let node = node(named: nodeName) else {
                    _ = try? resourceManager.releaseContainer(container.id)
                    waiter.continuation.resume(throwing: ClusterError.unknownNode(cluster: clusterName, name: nodeName))
                    continue
                }
                let flag = CancellationFlag()
                var injected: String?
                if case .task(let attempt) = waiter.kind, faults.onLaunch(attempt, jobName: waiter.jobName) {
                    injected = "injected failure of \(attempt) on node \(nodeName)"
                }
                noteAllocated(container, use: ContainerUse(kind: waiter.kind, nodeName: nodeName, memoryMB: container.resources.memoryMB, cancellation: flag))
                waiter.continuation.resume(returning: ContainerGrant(
                    containerID: container.id, nodeName: nodeName, disk: node.disk, cancellation: flag, injectedFailure: injected
                ))
            }
            placed = freedRoom ? resourceManager.schedule() : []
        }
        refreshIdle()
    }

    /// Whether a RUNNING worker outside `excluded` is large enough for `resources`.
    func hasOtherWorker(for resources: Resources, avoiding excluded: Set<String>) -> Bool {
        resourceManager.nodeReports.contains { report in
            report.state == .running && !excluded.contains(report.name) && report.capacity.fits(resources)
        }
    }

    /// Called when an attempt's work is done: releases its container.
    func containerFinished(_ id: ContainerID) {
        endContainer(id, reason: nil, release: true)
        schedulePass()
    }

    /// Records a new container on its node.
    func noteAllocated(_ container: Container, use: ContainerUse) {
        containerUses[container.id] = use
        guard let index = nodeIndex[use.nodeName] else { return }
        nodes[index].containers.insert(container.id)
        nodes[index].allocatedMemoryMB += use.memoryMB
        nodes[index].peakMemoryMB = max(nodes[index].peakMemoryMB, nodes[index].allocatedMemoryMB)
        switch use.kind {
        case .task:
            nodes[index].tasksRun += 1
            nodes[index].containersRun += 1
        case .applicationMaster:
            nodes[index].containersRun += 1
        case .parked:
            break
        }
    }

    /// Forgets a container: releases it in the resource manager when
    /// `release` (it may already have ended there), and stops what runs in it
    /// with `reason` when given. Completes its node's decommission once drained.
    func endContainer(_ id: ContainerID, reason: String?, release: Bool) {
        if release, resourceManager.container(id) != nil,
           let outcome = try? resourceManager.releaseContainer(id), let drained = outcome.drainedNode {
            completeDecommission(drained, forced: false)
        }
        guard let use = containerUses.removeValue(forKey: id) else { return }
        if let reason { use.cancellation.cancel(reason: reason) }
        endMasterWatch(id, lost: reason)
        if let index = nodeIndex[use.nodeName] {
            nodes[index].containers.remove(id)
            nodes[index].allocatedMemoryMB -= use.memoryMB
        }
    }

    /// Handles containers the resource manager ended (node lost, forced
    /// decommission, application ended): stops their work with `reason`.
    func containersEnded(_ containers: [Container], reason: String) {
        for container in containers { endContainer(container.id, reason: reason, release: false) }
    }
}
