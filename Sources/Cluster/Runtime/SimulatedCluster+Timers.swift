import Foundation
import MapReduce
import ResourceManager

extension SimulatedCluster {
    // MARK: - Time

    /// Processes whatever is due at the clock's current time: forced
    /// decommissions at their timeout, a metrics sample, and deletion by
    /// `idleDeleteTtl`, `autoDeleteTtl` or `autoDeleteTime` — waiting for that
    /// deletion to finish. Runs by itself on the cluster's clock; with a
    /// `ManualClusterClock`, call it after `advance(by:)` for a deterministic step.
    public func tick() async {
        guard !isDeleted else { return }
        if let deleteTask {
            _ = await deleteTask.value
            return
        }
        processDueDecommissions()
        let now = clock.now
        if lastSample.map({ now - $0 >= options.metricsSampleInterval }) ?? true { sampleMetrics() }
        refreshIdle()
        if lifecycle.state.canMove(to: .deleting),
           let reason = timers.deletionDue(now: now, idleSince: lifecycle.state.acceptsJobs ? idleSince : nil, date: clock.date(of:)) {
            // Nothing suspends between these checks and the delete starting, so it cannot be refused.
            do {
                _ = try await delete(detail: reason)
            } catch {
                preconditionFailure("cluster \(clusterName) was checked to be deletable: \(error)")
            }
        }
    }

    /// When the timer should next wake: the next sample, decommission deadline or deletion deadline.
    func nextWakeup() -> ClusterInstant? {
        guard !isDeleted else { return nil }
        let now = clock.now
        var candidates = [(lastSample ?? now) + options.metricsSampleInterval]
        if let deadline = decommissions.nextDeadline { candidates.append(deadline) }
        if let deadline = timers.nextDeadline(idleSince: idleSince, now: now, date: clock.date(of:)) { candidates.append(deadline) }
        return candidates.min().map { max($0, now) }
    }

    func startTimer() {
        let clock = self.clock
        timerTask = Task { [weak self] in
            while true {
                guard let deadline = await self?.nextWakeup() else { return }
                do { try await clock.sleep(until: deadline) } catch { return }
                guard let cluster = self else { return }
                await cluster.tick()
            }
        }
    }

    /// Idle means no PENDING/RUNNING job and no pending/running YARN application;
    /// `idleSince` is when that last became true.
    func refreshIdle() {
        let activeJobs = jobs.values.contains { !$0.status.state.isFinal }
        let metrics = resourceManager.metrics
        let busy = activeJobs || metrics.appsPending > 0 || metrics.appsRunning > 0 || !lifecycle.state.acceptsJobs
        if busy {
            idleSince = nil
        } else if idleSince == nil {
            idleSince = clock.now
        }
    }
}
