import Autoscaling

extension SimulationReport {
    /// The CSV header, in column order.
    public static let csvColumns = [
        "time_seconds", "primary_workers", "secondary_workers", "decommissioning_workers", "provisioning_workers",
        "pending_memory_mb", "available_memory_mb", "allocated_memory_mb", "pending_containers",
        "allocated_containers", "running_jobs", "waiting_jobs",
    ]

    /// One line per sample after a header line (``csvColumns``), comma-separated, each
    /// line ending in `\n`. Times are whole seconds unless a sample falls between
    /// seconds, then three decimals.
    ///
    /// - Complexity: O(samples).
    public func csv() -> String {
        var text = Self.csvColumns.joined(separator: ",") + "\n"
        text.reserveCapacity(samples.count * 48)
        for row in samples {
            let fields: [String] = [
                ReportNumber.seconds(row.timeSeconds), String(row.primaryWorkers), String(row.secondaryWorkers),
                String(row.decommissioningWorkers), String(row.provisioningWorkers), String(row.pendingMemoryMB),
                String(row.availableMemoryMB), String(row.allocatedMemoryMB), String(row.pendingContainers),
                String(row.allocatedContainers), String(row.runningJobs), String(row.waitingJobs),
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }
}
