// The bookkeeping every event shares: creating and ending container records
// and keeping nodes, applications, the placement tree and the totals in step.
extension ResourceManagerState {
    func liveContainerSlot(_ id: ContainerID) throws(ResourceManagerError) -> Int {
        guard let slot = liveContainerSlotIfAny(id) else { throw .unknownContainer(id) }
        return slot
    }

    /// The slot of a live container; nil once it has ended.
    func liveContainerSlotIfAny(_ id: ContainerID) -> Int? {
        let slot = Int(id.slot)
        guard slot >= 0, slot < containers.count, containers[slot].sequence == id.sequence else { return nil }
        return slot
    }

    func makeContainer(slot: Int) -> Container {
        let record = containers[slot]
        let nodeSlot = Int(record.nodeSlot)
        let applicationSlot = Int(record.applicationSlot)
        return Container(
            id: ContainerID(slot: Int32(slot), sequence: record.sequence),
            applicationID: ApplicationID(slot: applicationSlot, sequence: applications[applicationSlot].sequence),
            requestID: ContainerRequestID(sequence: record.requestSequence),
            nodeID: NodeID(slot: nodeSlot, sequence: nodes[nodeSlot].sequence),
            resources: record.resources
        )
    }

    /// Places one container of `request` on a `RUNNING` node that has room.
    ///
    /// - Complexity: O(log n) in the number of node slots.
    mutating func place(_ request: PendingRequest, onNodeSlot nodeSlot: Int) -> Container {
        let slot: Int32
        if let reused = freeContainerSlots.popLast() {
            slot = reused
        } else {
            slot = Int32(containers.count)
            containers.append(.free)
        }
        let applicationSlot = request.applicationSlot
        let resources = request.resources
        let nodeHead = nodes[nodeSlot].firstContainer
        let applicationHead = applications[applicationSlot].firstContainer
        containers[Int(slot)] = ContainerRecord(
            sequence: nextContainerSequence, requestSequence: request.requestSequence, resources: resources,
            nodeSlot: Int32(nodeSlot), applicationSlot: Int32(applicationSlot),
            previousOnNode: -1, nextOnNode: nodeHead,
            previousOfApplication: -1, nextOfApplication: applicationHead
        )
        nextContainerSequence += 1
        if nodeHead >= 0 { containers[Int(nodeHead)].previousOnNode = slot }
        if applicationHead >= 0 { containers[Int(applicationHead)].previousOfApplication = slot }

        nodes[nodeSlot].firstContainer = slot
        nodes[nodeSlot].allocated += resources
        nodes[nodeSlot].containerCount += 1
        placementTree.update(slot: nodeSlot, free: nodes[nodeSlot].capacity - nodes[nodeSlot].allocated)

        applications[applicationSlot].firstContainer = slot
        applications[applicationSlot].allocated += resources
        applications[applicationSlot].containerCount += 1
        applications[applicationSlot].pending -= resources
        applications[applicationSlot].pendingContainers -= 1
        if applications[applicationSlot].state == .accepted {
            moveApplicationCount(from: .accepted, to: .running)
            applications[applicationSlot].state = .running
        }

        totals.runningAllocated += resources
        totals.allocated += resources
        totals.containersAllocated += 1
        totals.pending -= resources
        totals.pendingContainers -= 1
        return makeContainer(slot: Int(slot))
    }

    /// Ends a live container: unlinks it from its node and application and
    /// gives its resources back.
    ///
    /// - Complexity: O(log n) when its node is `RUNNING`, else O(1).
    mutating func endContainer(slot: Int) -> Container {
        let container = makeContainer(slot: slot)
        let record = containers[slot]
        let resources = record.resources
        let nodeSlot = Int(record.nodeSlot)
        let applicationSlot = Int(record.applicationSlot)

        if record.previousOnNode >= 0 {
            containers[Int(record.previousOnNode)].nextOnNode = record.nextOnNode
        } else {
            nodes[nodeSlot].firstContainer = record.nextOnNode
        }
        if record.nextOnNode >= 0 { containers[Int(record.nextOnNode)].previousOnNode = record.previousOnNode }

        if record.previousOfApplication >= 0 {
            containers[Int(record.previousOfApplication)].nextOfApplication = record.nextOfApplication
        } else {
            applications[applicationSlot].firstContainer = record.nextOfApplication
        }
        if record.nextOfApplication >= 0 {
            containers[Int(record.nextOfApplication)].previousOfApplication = record.previousOfApplication
        }

        nodes[nodeSlot].allocated -= resources
        nodes[nodeSlot].containerCount -= 1
        if nodes[nodeSlot].state == .running {
            totals.runningAllocated -= resources
            placementTree.update(slot: nodeSlot, free: nodes[nodeSlot].capacity - nodes[nodeSlot].allocated)
        }
        applications[applicationSlot].allocated -= resources
        applications[applicationSlot].containerCount -= 1
        totals.allocated -= resources
        totals.containersAllocated -= 1

        containers[slot] = .free
        freeContainerSlots.append(Int32(slot))
        return container
    }

    /// Whether the node in `slot` is decommissioning and holds no container.
    func isDrained(nodeSlot: Int) -> Bool {
        nodes[nodeSlot].state == .decommissioning && nodes[nodeSlot].containerCount == 0
    }
}
