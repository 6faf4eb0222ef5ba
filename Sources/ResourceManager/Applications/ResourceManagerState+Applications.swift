extension ResourceManagerState {
    /// Submits an application in state `ACCEPTED`. Its first allocation moves
    /// it to `RUNNING`.
    ///
    /// - Parameter queue: A label reported back; every application shares the
    ///   one FIFO queue.
    /// - Complexity: Amortized O(1).
    public mutating func submitApplication(name: String, queue: String = "default") -> ApplicationID {
        let slot: Int
        if let reused = freeApplicationSlots.popLast() {
            slot = reused
        } else {
            slot = applications.count
            applications.append(.free)
        }
        let id = ApplicationID(slot: slot, sequence: nextApplicationSequence)
        nextApplicationSequence += 1
        applications[slot] = ApplicationRecord(
            sequence: id.sequence, name: name, queue: queue, state: .accepted, allocated: .zero,
            containerCount: 0, firstContainer: -1, pending: .zero, pendingContainers: 0
        )
        totals.applicationsSubmitted += 1
        totals.applicationsInState[ApplicationState.accepted.ordinal] += 1
        return id
    }

    /// Ends an application as `FINISHED`, `FAILED` or `KILLED`: releases
    /// every container it holds and drops its pending requests.
    ///
    /// - Throws: `unknownApplication`; `illegalApplicationTransition` when it
    ///   has already ended or `state` is not a final state.
    /// - Complexity: O(k log n) for k containers held.
    @discardableResult
    public mutating func endApplication(
        _ id: ApplicationID, as state: ApplicationState
    ) throws(ResourceManagerError) -> ApplicationEnd {
        let slot = try knownApplicationSlot(id)
        let current = applications[slot].state
        guard state.isFinal, current.canMove(to: state) else {
            throw .illegalApplicationTransition(id, from: current, to: state)
        }
        var released: [Container] = []
        released.reserveCapacity(applications[slot].containerCount)
        var drained: [NodeID] = []
        while applications[slot].firstContainer >= 0 {
            let containerSlot = Int(applications[slot].firstContainer)
            let nodeSlot = Int(containers[containerSlot].nodeSlot)
            let container = endContainer(slot: containerSlot)
            released.append(container)
            if isDrained(nodeSlot: nodeSlot) { drained.append(container.nodeID) }
        }
        released.reverse()
        drained.sort()

        // Its queue entries stay behind and are skipped when reached.
        let dropped = applications[slot].pendingContainers
        totals.pending -= applications[slot].pending
        totals.pendingContainers -= dropped
        applications[slot].pending = .zero
        applications[slot].pendingContainers = 0

        moveApplicationCount(from: current, to: state)
        applications[slot].state = state
        return ApplicationEnd(releasedContainers: released, droppedPendingContainers: dropped, drainedNodes: drained)
    }

    /// Forgets an ended application, freeing its slot; the `yarn-apps-*`
    /// counts it contributed to stay, as they count history.
    ///
    /// - Throws: `unknownApplication`, `applicationNotEnded`.
    public mutating func forgetApplication(_ id: ApplicationID) throws(ResourceManagerError) {
        let slot = try knownApplicationSlot(id)
        let state = applications[slot].state
        guard state.isFinal else { throw .applicationNotEnded(id, state: state) }
        applications[slot] = .free
        freeApplicationSlots.append(slot)
    }

    /// The application with this identifier, or nil when it was forgotten.
    public func application(_ id: ApplicationID) -> ApplicationReport? {
        guard let slot = knownApplicationSlotIfAny(id) else { return nil }
        let record = applications[slot]
        return ApplicationReport(
            id: id, name: record.name, queue: record.queue, state: record.state, allocated: record.allocated,
            containerCount: record.containerCount, pending: record.pending, pendingContainers: record.pendingContainers
        )
    }

    func knownApplicationSlot(_ id: ApplicationID) throws(ResourceManagerError) -> Int {
        guard let slot = knownApplicationSlotIfAny(id) else { throw .unknownApplication(id) }
        return slot
    }

    /// The slot of a known application; nil once it was forgotten.
    func knownApplicationSlotIfAny(_ id: ApplicationID) -> Int? {
        guard id.slot >= 0, id.slot < applications.count, applications[id.slot].sequence != 0,
              applications[id.slot].sequence == id.sequence else { return nil }
        return id.slot
    }

    mutating func moveApplicationCount(from current: ApplicationState, to next: ApplicationState) {
        totals.applicationsInState[current.ordinal] -= 1
        totals.applicationsInState[next.ordinal] += 1
    }
}
