import Foundation
import ResourceManager

/// The capacity scheduler's limit on application masters: they may hold at
/// most a share of the cluster's YARN memory (one master may always run), so
/// that concurrent jobs on a small cluster cannot fill every container with
/// masters and leave none for their tasks.
extension SimulatedCluster {
    /// `capacity-scheduler:yarn.scheduler.capacity.maximum-am-resource-percent`;
    /// 0.5 by default here (YARN's own default, 0.1, would run one job at a
    /// time on the small clusters tests use).
    static let masterShareProperty = "capacity-scheduler:yarn.scheduler.capacity.maximum-am-resource-percent"

    var maximumMasterShare: Double {
        guard let text = properties[Self.masterShareProperty], let share = Double(text), share > 0, share <= 1 else { return 0.5 }
        return share
    }

    /// Waits until a master of `memoryMB` fits within the masters' share of
    /// the cluster's memory, then holds that room for `application`.
    func acquireMasterSlot(_ application: ApplicationID, memoryMB: Int) async throws {
        while true {
            try checkNotDeleted()
            let inUse = masterMemory.values.reduce(0, +)
            let limit = Int(Double(resourceManager.metrics.memoryMBTotal) * maximumMasterShare)
            if masterMemory.isEmpty || inUse + memoryMB <= limit {
                masterMemory[application] = memoryMB
                return
            }
            try await waitForMasterSlot()
        }
    }

    /// Gives back `application`'s master room, if it held any.
    func releaseMasterSlot(_ application: ApplicationID) {
        if masterMemory.removeValue(forKey: application) != nil { wakeMasterSlotWaiters() }
    }

    /// Wakes every master waiting for room; each checks again.
    func wakeMasterSlotWaiters() {
        guard !masterSlotWaiters.isEmpty else { return }
        let woken = masterSlotWaiters
        masterSlotWaiters.removeAll()
        for waiter in woken { waiter.continuation.resume() }
    }

    private func waitForMasterSlot() async throws {
        nextWaiterID += 1
        let id = nextWaiterID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                masterSlotWaiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelMasterSlotWaiter(id) }
        }
    }

    private func cancelMasterSlotWaiter(_ id: Int) {
        guard let index = masterSlotWaiters.firstIndex(where: { $0.id == id }) else { return }
        masterSlotWaiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
