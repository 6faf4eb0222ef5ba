extension ResourceManagerState {
    /// Checks every internal invariant and describes each one that is broken;
    /// empty when the state is consistent. Tests switch it on by calling it
    /// after every event.
    ///
    /// Checked: each node's containers add up to its allocation, which never
    /// exceeds its capacity; nodes in a final state hold nothing; each
    /// container is on exactly its node's and its application's lists; ended
    /// applications hold and wait for nothing; pending sums match the live
    /// queue; the running sums behind `metrics` match a recount; the placement
    /// tree offers exactly the `RUNNING` nodes' free room.
    ///
    /// - Complexity: O(n + a + c + q) over node slots, application slots,
    ///   container slots and queue entries; meant for tests.
    public func invariantViolations() -> [String] {
        var violations: [String] = []
        var recount = ClusterTotals()
        var listedContainers = 0

        for slot in nodes.indices {
            let node = nodes[slot]
            if node.isFree {
                if placementTree.free(slot: slot) != nil { violations.append("free node slot \(slot) is offered for placement") }
                if node.firstContainer != -1 { violations.append("free node slot \(slot) has containers") }
                continue
            }
            var sum = Resources.zero
            var count = 0
            var previous: Int32 = -1
            var current = node.firstContainer
            while current >= 0, count <= containers.count {
                let record = containers[Int(current)]
                if record.sequence == 0 { violations.append("node '\(node.name)' lists free container slot \(current)") }
                if record.nodeSlot != Int32(slot) { violations.append("node '\(node.name)' lists container \(record.sequence) of another node") }
                if record.previousOnNode != previous { violations.append("node '\(node.name)' has a broken back link at container \(record.sequence)") }
                sum += record.resources
                count += 1
                previous = current
                current = record.nextOnNode
            }
            listedContainers += count
            if sum != node.allocated { violations.append("node '\(node.name)' allocates \(node.allocated) but its containers hold \(sum)") }
            if count != node.containerCount { violations.append("node '\(node.name)' counts \(node.containerCount) containers but lists \(count)") }
            if !node.capacity.fits(node.allocated) || !node.allocated.fits(.zero) {
                violations.append("node '\(node.name)' allocates \(node.allocated) of \(node.capacity)")
            }
            if node.state.isFinal, count != 0 { violations.append("node '\(node.name)' is \(node.state) but holds \(count) containers") }
            let expectedFree = node.state == .running ? node.capacity - node.allocated : nil
            if placementTree.free(slot: slot) != expectedFree {
                violations.append("node '\(node.name)' is offered as \(String(describing: placementTree.free(slot: slot))), expected \(String(describing: expectedFree))")
            }
            if nodeSlotsByName[node.name] != slot { violations.append("node '\(node.name)' is missing from the name index") }
            recount.nodesInState[node.state.ordinal] += 1
            recount.allocated += node.allocated
            recount.containersAllocated += count
            if node.state == .running {
                recount.runningCapacity += node.capacity
                recount.runningAllocated += node.allocated
            }
        }
        if nodeSlotsByName.count != nodes.count - freeNodeSlots.count {
            violations.append("name index has \(nodeSlotsByName.count) names for \(nodes.count - freeNodeSlots.count) nodes")
        }
        if freeNodeSlots != freeNodeSlots.sorted(by: >) || freeNodeSlots.contains(where: { !nodes[$0].isFree }) {
            violations.append("free node slots \(freeNodeSlots) are unsorted or hold nodes")
        }

        var pendingBySlot: [Int: (Resources, Int)] = [:]
        for request in queue[queueHead...] {
            let application = applications[request.applicationSlot]
            guard application.sequence == request.applicationSequence, !application.state.isFinal else { continue }
            let (resources, count) = pendingBySlot[request.applicationSlot] ?? (.zero, 0)
            pendingBySlot[request.applicationSlot] = (resources + request.resources * request.remaining, count + request.remaining)
            recount.pending += request.resources * request.remaining
            recount.pendingContainers += request.remaining
        }

        var applicationContainers = 0
        for slot in applications.indices where applications[slot].sequence != 0 {
            let application = applications[slot]
            var sum = Resources.zero
            var count = 0
            var previous: Int32 = -1
            var current = application.firstContainer
            while current >= 0, count <= containers.count {
                let record = containers[Int(current)]
                if record.applicationSlot != Int32(slot) { violations.append("app#\(application.sequence) lists container \(record.sequence) of another application") }
                if record.previousOfApplication != previous { violations.append("app#\(application.sequence) has a broken back link at container \(record.sequence)") }
                sum += record.resources
                count += 1
                previous = current
                current = record.nextOfApplication
            }
            applicationContainers += count
            if sum != application.allocated || count != application.containerCount {
                violations.append("app#\(application.sequence) records \(application.containerCount) containers of \(application.allocated), lists \(count) of \(sum)")
            }
            if application.state.isFinal, count != 0 || application.pendingContainers != 0 {
                violations.append("app#\(application.sequence) is \(application.state) but holds \(count) containers and waits for \(application.pendingContainers)")
            }
            if application.state == .accepted, count != 0 { violations.append("app#\(application.sequence) holds containers but is ACCEPTED") }
            let (pending, pendingCount) = pendingBySlot[slot] ?? (.zero, 0)
            if pending != application.pending || pendingCount != application.pendingContainers {
                violations.append("app#\(application.sequence) records \(application.pendingContainers) pending of \(application.pending), queue holds \(pendingCount) of \(pending)")
            }
            recount.applicationsInState[application.state.ordinal] += 1
        }

        let liveContainers = containers.count - freeContainerSlots.count
        if containers.lazy.filter({ $0.sequence != 0 }).count != liveContainers {
            violations.append("free container list disagrees with the container table")
        }
        if listedContainers != liveContainers || applicationContainers != liveContainers {
            violations.append("\(liveContainers) live containers, \(listedContainers) on node lists, \(applicationContainers) on application lists")
        }

        if recount.runningCapacity != totals.runningCapacity || recount.runningAllocated != totals.runningAllocated
            || recount.allocated != totals.allocated || recount.containersAllocated != totals.containersAllocated
            || recount.pending != totals.pending || recount.pendingContainers != totals.pendingContainers
            || recount.nodesInState != totals.nodesInState {
            violations.append("running totals \(totals) differ from a recount \(recount)")
        }
        // Ended applications that were forgotten still count, so the live
        // table gives a lower bound for final states and exact counts otherwise.
        for state in ApplicationState.allCases {
            let counted = totals.applicationsInState[state.ordinal]
            let live = recount.applicationsInState[state.ordinal]
            if state.isFinal ? counted < live : counted != live {
                violations.append("\(counted) applications counted \(state), \(live) in the table")
            }
        }
        if totals.applicationsInState.reduce(0, +) != totals.applicationsSubmitted {
            violations.append("application state counts do not add up to \(totals.applicationsSubmitted) submitted")
        }
        violations += placementTree.inconsistencies()
        return violations
    }
}
