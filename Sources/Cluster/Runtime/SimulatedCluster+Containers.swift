import Foundation
import MapReduce
import ResourceManager

extension SimulatedCluster {
    /// Asks for one container and waits until the resource manager places it.
    ///
    /// Requests wait in the FIFO queue (showing as pending memory) until they
    /// fit. A container placed on a node in `excluded` is held while the
    /// request goes round again, as long as some other RUNNING worker could
    /// ever hold it, so that a retried attempt runs elsewhere (see
    /// ``ContainerPlacement``).
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
                grantContinuations[waiterID] = continuation
                placement.onRequested(request, by: waiterID, ContainerPlacement.Waiter(
                    application: application, resources: resources, excluded: excluded, kind: kind, jobName: jobName
                ))
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
        let actions = placement.onCancelled(id)
        guard !actions.isEmpty else { return }
        carryOut(actions)
        schedulePass()
    }

    /// A scheduling pass: places what fits and carries out where each container goes.
    func schedulePass() {
        // Room may have appeared (nodes added, containers released): masters waiting for their share re-check.
        defer { wakeMasterSlotWaiters() }
        var placed = resourceManager.schedule()
        while !placed.isEmpty {
            let actions = placement.onPlaced(placed, nodes: resourceManager.nodeReports, faults: &faults)
            placed = carryOut(actions) ? resourceManager.schedule() : []
        }
        refreshIdle()
    }

    /// Carries out placement decisions in order.
    ///
    /// - Returns: Whether they gave room back or queued a request, so that
    ///   another scheduling pass may place more.
    @discardableResult
    func carryOut(_ actions: [PlacementAction]) -> Bool {
        var changedQueue = false
        for action in actions {
            switch action {
            case let .grant(waiter, container, nodeName, kind, injectedFailure):
                grant(container, on: nodeName, as: kind, to: waiter, injectedFailure: injectedFailure)
            case let .park(_, container, nodeName):
                let use = ContainerUse(kind: .parked, nodeName: nodeName, memoryMB: container.resources.memoryMB, cancellation: CancellationFlag())
                noteAllocated(container, use: use)
            case let .reRequest(waiter, resources, application):
                changedQueue = true
                do throws(ResourceManagerError) {
                    let again = try resourceManager.requestContainers(1, of: resources, for: application)
                    placement.onReRequested(waiter, as: again)
                } catch {
                    carryOut(placement.onReRequestRefused(waiter, error: error))
                }
            case .release(let id):
                changedQueue = true
                endContainer(id, reason: nil, release: true)
            case let .fail(waiter, failure):
                resumeWaiter(waiter, with: .failure(placementError(failure)))
            }
        }
        return changedQueue
    }

    /// Records `container` as `kind` on its node and hands it to `waiter`.
    private func grant(_ container: Container, on nodeName: String, as kind: ContainerUse.Kind, to waiter: Int, injectedFailure: String?) {
        guard let node = node(named: nodeName) else {
            endContainer(container.id, reason: nil, release: true)
            resumeWaiter(waiter, with: .failure(placementError(.unknownNode(nodeName))))
            return
        }
        let flag = CancellationFlag()
        noteAllocated(container, use: ContainerUse(kind: kind, nodeName: nodeName, memoryMB: container.resources.memoryMB, cancellation: flag))
        resumeWaiter(waiter, with: .success(ContainerGrant(
            containerID: container.id, nodeName: nodeName, disk: node.disk, cancellation: flag, injectedFailure: injectedFailure
        )))
    }

    private func resumeWaiter(_ waiter: Int, with result: Result<ContainerGrant, any Error>) {
        guard let continuation = grantContinuations.removeValue(forKey: waiter) else {
            preconditionFailure("waiter \(waiter) of cluster \(clusterName) has no continuation: allocate stores it with the waiter, and a waiter ends once")
        }
        continuation.resume(with: result)
    }

    private func placementError(_ failure: PlacementAction.Failure) -> any Error {
        switch failure {
        case .cancelled: CancellationError()
        case .unknownNode(let name): ClusterError.unknownNode(cluster: clusterName, name: name)
        case .requestRefused(let error): ClusterError.resourceManager(error)
        case .clusterDeleted: ClusterError.deleted(cluster: clusterName)
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
        if release { releaseInResourceManager(id) }
        guard let use = containerUses.removeValue(forKey: id) else { return }
        if let reason { use.cancellation.cancel(reason: reason) }
        endMasterWatch(id, lost: reason)
        if let index = nodeIndex[use.nodeName] {
            nodes[index].containers.remove(id)
            nodes[index].allocatedMemoryMB -= use.memoryMB
        }
    }

    /// Releases a container in the resource manager, unless it already ended
    /// there; completes its node's decommission once drained.
    private func releaseInResourceManager(_ id: ContainerID) {
        let outcome: ContainerRelease
        do throws(ResourceManagerError) {
            outcome = try resourceManager.releaseContainer(id)
        } catch {
            // Ended with its node or its application: nothing is held any more.
            guard case .unknownContainer = error else {
                preconditionFailure("releasing \(id) fails only when it already ended, got: \(error)")
            }
            return
        }
        if let drained = outcome.drainedNode { completeDecommission(drained, forced: false) }
    }

    /// Handles containers the resource manager ended (node lost, forced
    /// decommission, application ended): stops their work with `reason`.
    func containersEnded(_ containers: [Container], reason: String) {
        for container in containers { endContainer(container.id, reason: reason, release: false) }
    }
}
