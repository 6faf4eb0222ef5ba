extension ResourceManagerState {
    /// Asks for `count` containers of `resources` for an application. The
    /// request joins the tail of the FIFO queue and counts as pending until
    /// `schedule()` places it.
    ///
    /// - Returns: The request's identifier, carried by every container that
    ///   answers it.
    /// - Throws: `unknownApplication`, `applicationEnded`,
    ///   `invalidContainerCount`, `invalidContainerResources`,
    ///   `exceedsMaximumAllocation`.
    /// - Complexity: Amortized O(1).
    public mutating func requestContainers(
        _ count: Int, of resources: Resources, for applicationID: ApplicationID
    ) throws(ResourceManagerError) -> ContainerRequestID {
        let applicationSlot = try knownApplicationSlot(applicationID)
        let state = applications[applicationSlot].state
        guard !state.isFinal else { throw .applicationEnded(applicationID, state: state) }
        guard count >= 1 else { throw .invalidContainerCount(count) }
        guard resources.memoryMB >= 1, resources.vcores >= 1 else { throw .invalidContainerResources(resources) }
        if let maximum = configuration.maximumAllocation, !maximum.fits(resources) {
            throw .exceedsMaximumAllocation(requested: resources, maximum: maximum)
        }
        let requestID = ContainerRequestID(sequence: nextRequestSequence)
        nextRequestSequence += 1
        queue.append(PendingRequest(
            requestSequence: requestID.sequence, applicationSlot: applicationSlot,
            applicationSequence: applicationID.sequence, resources: resources, remaining: count
        ))
        applications[applicationSlot].pending += resources * count
        applications[applicationSlot].pendingContainers += count
        totals.pending += resources * count
        totals.pendingContainers += count
        return requestID
    }

    /// A scheduling pass: places queued containers in FIFO order until the
    /// queue is empty or its head fits on no `RUNNING` node.
    ///
    /// - Returns: The new containers, in allocation order.
    /// - Complexity: O(k log n) for k placements on n node slots (see
    ///   `PlacementPolicy` for the rare worse case), plus O(1) per skipped
    ///   request of an ended application; O(1) when the head does not fit.
    public mutating func schedule() -> [Container] {
        var placed: [Container] = []
        let policy = configuration.placementPolicy
        while queueHead < queue.count {
            let request = queue[queueHead]
            let application = applications[request.applicationSlot]
            guard application.sequence == request.applicationSequence, !application.state.isFinal else {
                queueHead += 1
                continue
            }
            var remaining = request.remaining
            while remaining > 0, let nodeSlot = placementTree.slot(for: request.resources, policy: policy) {
                placed.append(place(request, onNodeSlot: nodeSlot))
                remaining -= 1
            }
            queue[queueHead].remaining = remaining
            if remaining > 0 { break }
            queueHead += 1
        }
        compactQueue()
        return placed
    }

    /// Ends a container whose work is done (or failed), returning its
    /// resources to its node.
    ///
    /// - Throws: `unknownContainer` when it already ended.
    /// - Complexity: O(log n).
    @discardableResult
    public mutating func releaseContainer(_ id: ContainerID) throws(ResourceManagerError) -> ContainerRelease {
        let slot = try liveContainerSlot(id)
        let nodeSlot = Int(containers[slot].nodeSlot)
        let container = endContainer(slot: slot)
        return ContainerRelease(container: container, drainedNode: isDrained(nodeSlot: nodeSlot) ? container.nodeID : nil)
    }

    /// The live container with this identifier, or nil when it has ended.
    public func container(_ id: ContainerID) -> Container? {
        guard let slot = liveContainerSlotIfAny(id) else { return nil }
        return makeContainer(slot: slot)
    }

    /// The containers on a node, in allocation order.
    ///
    /// - Complexity: O(k log k) for k containers.
    public func containers(onNode id: NodeID) throws(ResourceManagerError) -> [Container] {
        let nodeSlot = try knownNodeSlot(id)
        var found: [Container] = []
        var slot = nodes[nodeSlot].firstContainer
        while slot >= 0 {
            found.append(makeContainer(slot: Int(slot)))
            slot = containers[Int(slot)].nextOnNode
        }
        return found.sorted { $0.id < $1.id }
    }

    /// The containers an application holds, in allocation order.
    ///
    /// - Complexity: O(k log k) for k containers.
    public func containers(ofApplication id: ApplicationID) throws(ResourceManagerError) -> [Container] {
        let applicationSlot = try knownApplicationSlot(id)
        var found: [Container] = []
        var slot = applications[applicationSlot].firstContainer
        while slot >= 0 {
            found.append(makeContainer(slot: Int(slot)))
            slot = containers[Int(slot)].nextOfApplication
        }
        return found.sorted { $0.id < $1.id }
    }

    /// Drops finished queue entries once they are at least half the queue, so
    /// the queue's memory follows its length at amortized O(1) per request.
    private mutating func compactQueue() {
        if queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
        } else if queueHead >= 1024, queueHead * 2 >= queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
    }
}
