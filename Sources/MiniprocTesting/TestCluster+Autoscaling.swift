import Autoscaling
import Cluster
import ResourceManager

extension TestCluster {
    /// Attaches `policy` to this cluster and returns its autoscaling, sampling
    /// every `sampleInterval` of the manual clock.
    public func autoscale(
        with policy: AutoscalingPolicy, sampleInterval: Duration = .seconds(60)
    ) async throws -> ClusterAutoscaling {
        let autoscaling = ClusterAutoscaling(
            cluster: cluster, configuration: AutoscalerService.Configuration(sampleInterval: sampleInterval)
        )
        try await autoscaling.attach(policy)
        return autoscaling
    }

    /// Moves the clock forward `step` at a time and, after each step, processes
    /// what fell due on the cluster and waits for the autoscaler: see
    /// ``waitForAutoscaler(_:)``. Use the service's sample interval as `step`, so
    /// that every sample and evaluation happens at a known instant.
    public func advance(by duration: Duration, step: Duration = .seconds(60), autoscaling: ClusterAutoscaling) async {
        let end = clock.now + duration
        while clock.now < end {
            clock.advance(to: min(clock.now + step, end))
            await cluster.tick()
            await waitForAutoscaler(autoscaling)
        }
    }

    /// Waits, without moving the clock, until the autoscaler has taken every sample
    /// due by now (and so run any evaluation due) and the resize it started, if
    /// any, has ended — or is waiting for time or for tasks: workers are draining.
    public func waitForAutoscaler(_ autoscaling: ClusterAutoscaling) async {
        while true {
            let service = autoscaling.service
            if await service.resizeInFlight != nil {
                if await cluster.yarnMetrics.nodesDecommissioning > 0 { return }
            } else if let next = await service.nextSampleInstant, next <= clock.now {
                // A sample is due: the sampling loop is about to take it.
            } else {
                return
            }
            await Task.yield()
        }
    }
}
