extension SimulationReport {
    /// A few lines for the terminal: jobs, waiting and completion times, workers and
    /// their cost, and the scaling activity.
    public func summary() -> String {
        let evaluations = history.count
        let unchanged = history.filter { $0.outcome == .noChange }.count
        let peakPrimary = samples.map(\.primaryWorkers).max() ?? 0
        let peakSecondary = samples.map(\.secondaryWorkers).max() ?? 0
        let peakPending = samples.map(\.pendingMemoryMB).max() ?? 0
        func stats(_ value: DurationStatistics) -> String {
            guard value.count > 0 else { return "none" }
            return "mean \(ReportNumber.duration(value.meanSeconds)), p50 \(ReportNumber.duration(value.p50Seconds)), p95 \(ReportNumber.duration(value.p95Seconds)), max \(ReportNumber.duration(value.maxSeconds))"
        }
        var lines = [
            "Simulated \(ReportNumber.duration(simulatedSeconds)) of cluster time (\(samples.count) samples, \(events) events); policy: \(policyID ?? "none, fixed size")",
            "Jobs: \(jobsSubmitted) submitted, \(jobsCompleted) completed; \(tasksCompleted) tasks ran, \(tasksRerun) re-run after a forced decommission or preemption",
            "Waiting for an application master: \(stats(waitingTime))",
            "Completion time: \(stats(completionTime))",
            "Workers: peak \(peakPrimary) primary and \(peakSecondary) secondary; \(ReportNumber.decimal(primaryWorkerHours, digits: 1)) primary and \(ReportNumber.decimal(secondaryWorkerHours, digits: 1)) secondary worker-hours",
            "Peak pending YARN memory: \(peakPending) MB (\(ReportNumber.decimal(Double(peakPending) / Double(max(nodeManagerMemoryMB, 1)), digits: 1)) workers' worth)",
            "Scaling: \(scalingOperations) operations from \(evaluations) evaluations (\(unchanged) without change), \(skippedEvaluations) skipped while not RUNNING",
        ]
        if preemptions > 0 || applicationMastersRestarted > 0 {
            lines.append("Preemptions: \(preemptions); application masters restarted: \(applicationMastersRestarted)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
