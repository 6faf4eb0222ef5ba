extension ResourceManagerState {
    /// Adds a `RUNNING` node that takes containers from the next `schedule()`.
    ///
    /// The node takes the lowest free slot, which decides its place in
    /// placement's tie order.
    ///
    /// - Throws: `duplicateNodeName`, `invalidNodeCapacity`.
    /// - Complexity: O(log n); amortized over additions when the tables grow.
    public mutating func addNode(
        name: String, role: NodeRole = .primary, capacity: Resources
    ) throws(ResourceManagerError) -> NodeID {
        guard nodeSlotsByName[name] == nil else { throw .duplicateNodeName(name) }
        guard capacity.memoryMB >= 1, capacity.vcores >= 1 else {
            throw .invalidNodeCapacity(name: name, capacity: capacity)
        }
        let slot: Int
        if let reused = freeNodeSlots.popLast() {
            slot = reused
        } else {
            slot = nodes.count
            nodes.append(.free)
        }
        let id = NodeID(slot: slot, sequence: nextNodeSequence)
        nextNodeSequence += 1
        nodes[slot] = NodeRecord(
            sequence: id.sequence, name: name, role: role, state: .running, capacity: capacity,
            allocated: .zero, containerCount: 0, firstContainer: -1
        )
        nodeSlotsByName[name] = slot
        placementTree.update(slot: slot, free: capacity)
        totals.runningCapacity += capacity
        totals.nodesInState[NodeState.running.ordinal] += 1
        return id
    }

    /// Starts a graceful decommission: the node keeps its containers and
    /// takes no new ones, and its free room stops counting as available.
    ///
    /// - Returns: Whether it is already drained (holds no container), in which
    ///   case the caller may complete the decommission at once.
    /// - Throws: `unknownNode`, `illegalNodeTransition` unless `RUNNING`.
    /// - Complexity: O(log n).
    @discardableResult
    public mutating func startDecommissioning(_ id: NodeID) throws(ResourceManagerError) -> Bool {
        let slot = try knownNodeSlot(id)
        try moveNode(slot: slot, to: .decommissioning)
        return isDrained(nodeSlot: slot)
    }

    /// Completes a decommission, gracefully once drained or forcefully when
    /// the caller's timeout expires: any containers still on the node are
    /// killed. A `RUNNING` node may be decommissioned directly (a graceful
    /// decommission timeout of 0).
    ///
    /// - Returns: The killed containers, in allocation order; the caller
    ///   retries their tasks.
    /// - Throws: `unknownNode`, `illegalNodeTransition` from a final state.
    /// - Complexity: O(k log k) for k killed containers, plus O(log n).
    @discardableResult
    public mutating func completeDecommissioning(_ id: NodeID) throws(ResourceManagerError) -> [Container] {
        let slot = try knownNodeSlot(id)
        try moveNode(slot: slot, to: .decommissioned)
        return endAllContainers(onNodeSlot: slot)
    }

    /// Records that a node is gone without warning (preemption, crash).
    ///
    /// - Returns: The containers that were on it, in allocation order; the
    ///   caller retries their tasks.
    /// - Throws: `unknownNode`, `illegalNodeTransition` from a final state.
    /// - Complexity: O(k log k) for k lost containers, plus O(log n).
    @discardableResult
    public mutating func loseNode(_ id: NodeID) throws(ResourceManagerError) -> [Container] {
        let slot = try knownNodeSlot(id)
        try moveNode(slot: slot, to: .lost)
        return endAllContainers(onNodeSlot: slot)
    }

    /// Forgets a node in any state; its name and slot become free and it no
    /// longer counts in any `yarn-nodes-*` metric. Removing a node that still
    /// holds containers kills them.
    ///
    /// - Returns: The killed containers, in allocation order.
    /// - Throws: `unknownNode`.
    /// - Complexity: O(k log k) for k killed containers, plus O(log n) and an
    ///   O(free slots) insertion into the free list.
    @discardableResult
    public mutating func removeNode(_ id: NodeID) throws(ResourceManagerError) -> [Container] {
        let slot = try knownNodeSlot(id)
        let state = nodes[slot].state
        if state == .running {
            totals.runningCapacity -= nodes[slot].capacity
            totals.runningAllocated -= nodes[slot].allocated
            placementTree.update(slot: slot, free: nil)
        }
        // Out of service first, so ending its containers leaves the running
        // totals and the placement tree alone.
        nodes[slot].state = .lost
        let killed = endAllContainers(onNodeSlot: slot)
        totals.nodesInState[state.ordinal] -= 1
        nodeSlotsByName[nodes[slot].name] = nil
        nodes[slot] = .free
        let position = insertionIndex(ofFreeSlot: slot)
        freeNodeSlots.insert(slot, at: position)
        return killed
    }

    /// The node with this identifier, or nil when it was removed.
    public func node(_ id: NodeID) -> NodeReport? {
        guard let slot = knownNodeSlotIfAny(id) else { return nil }
        return report(nodeSlot: slot)
    }

    /// The identifier of the node with this name, or nil.
    public func nodeID(named name: String) -> NodeID? {
        guard let slot = nodeSlotsByName[name] else { return nil }
        return NodeID(slot: slot, sequence: nodes[slot].sequence)
    }

    /// Every node, in slot order.
    ///
    /// - Complexity: O(n).
    public var nodeReports: [NodeReport] {
        nodes.indices.filter { !nodes[$0].isFree }.map { report(nodeSlot: $0) }
    }

    /// Decommissioning nodes that hold no container, in slot order: their
    /// decommission can be completed without killing anything.
    ///
    /// - Complexity: O(n).
    public var drainedNodes: [NodeID] {
        nodes.indices.filter { isDrained(nodeSlot: $0) }.map { NodeID(slot: $0, sequence: nodes[$0].sequence) }
    }

    func knownNodeSlot(_ id: NodeID) throws(ResourceManagerError) -> Int {
        guard let slot = knownNodeSlotIfAny(id) else { throw .unknownNode(id) }
        return slot
    }

    /// The slot of a known node; nil once it was removed.
    func knownNodeSlotIfAny(_ id: NodeID) -> Int? {
        guard id.slot >= 0, id.slot < nodes.count, !nodes[id.slot].isFree, nodes[id.slot].sequence == id.sequence else {
            return nil
        }
        return id.slot
    }

    func report(nodeSlot slot: Int) -> NodeReport {
        let record = nodes[slot]
        return NodeReport(
            id: NodeID(slot: slot, sequence: record.sequence), name: record.name, role: record.role,
            state: record.state, capacity: record.capacity, allocated: record.allocated,
            available: record.state == .running ? record.capacity - record.allocated : .zero,
            containerCount: record.containerCount
        )
    }

    /// Moves a node forward, keeping the totals and the placement tree in step.
    private mutating func moveNode(slot: Int, to next: NodeState) throws(ResourceManagerError) {
        let current = nodes[slot].state
        guard current.canMove(to: next) else {
            throw .illegalNodeTransition(name: nodes[slot].name, from: current, to: next)
        }
        if current == .running {
            totals.runningCapacity -= nodes[slot].capacity
            totals.runningAllocated -= nodes[slot].allocated
            placementTree.update(slot: slot, free: nil)
        }
        totals.nodesInState[current.ordinal] -= 1
        totals.nodesInState[next.ordinal] += 1
        nodes[slot].state = next
    }

    /// Ends every container on a node that no longer takes containers.
    private mutating func endAllContainers(onNodeSlot nodeSlot: Int) -> [Container] {
        var ended: [Container] = []
        ended.reserveCapacity(nodes[nodeSlot].containerCount)
        while nodes[nodeSlot].firstContainer >= 0 {
            ended.append(endContainer(slot: Int(nodes[nodeSlot].firstContainer)))
        }
        // The node's list runs newest first; callers get allocation order.
        ended.reverse()
        return ended
    }

    private func insertionIndex(ofFreeSlot slot: Int) -> Int {
        // The list is sorted highest first; find the first entry below `slot`.
        var low = 0
        var high = freeNodeSlots.count
        while low < high {
            let middle = (low + high) / 2
            if freeNodeSlots[middle] > slot { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
