extension ResourceManagerState {
    /// The cluster's `yarn-*` metrics now.
    ///
    /// - Complexity: O(1); every event keeps the sums up to date.
    public var metrics: YarnMetrics {
        let available = totals.runningCapacity - totals.runningAllocated
        func nodes(_ state: NodeState) -> Int64 { Int64(totals.nodesInState[state.ordinal]) }
        func applications(_ state: ApplicationState) -> Int64 { Int64(totals.applicationsInState[state.ordinal]) }
        return YarnMetrics(
            memoryMBAllocated: Int64(totals.allocated.memoryMB),
            memoryMBAvailable: Int64(available.memoryMB),
            memoryMBPending: Int64(totals.pending.memoryMB),
            memoryMBReserved: 0,
            memoryMBTotal: Int64(totals.runningCapacity.memoryMB),
            vcoresAllocated: Int64(totals.allocated.vcores),
            vcoresAvailable: Int64(available.vcores),
            vcoresPending: Int64(totals.pending.vcores),
            vcoresReserved: 0,
            vcoresTotal: Int64(totals.runningCapacity.vcores),
            containersAllocated: Int64(totals.containersAllocated),
            containersPending: Int64(totals.pendingContainers),
            containersReserved: 0,
            appsSubmitted: Int64(totals.applicationsSubmitted),
            appsPending: applications(.accepted),
            appsRunning: applications(.running),
            appsCompleted: applications(.finished),
            appsFailed: applications(.failed),
            appsKilled: applications(.killed),
            nodesActive: nodes(.running),
            nodesDecommissioning: nodes(.decommissioning),
            nodesDecommissioned: nodes(.decommissioned),
            nodesLost: nodes(.lost),
            nodesNew: 0,
            nodesRebooted: 0,
            nodesShutdown: 0,
            nodesUnhealthy: 0
        )
    }
}
