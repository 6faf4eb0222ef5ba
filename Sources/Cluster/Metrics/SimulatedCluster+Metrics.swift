import ResourceManager

extension SimulatedCluster {
    /// The `yarn-*` metrics now.
    public var yarnMetrics: YarnMetrics { resourceManager.metrics }

    /// Primary workers that are up (draining ones included).
    public var primaryWorkerCount: Int { workers(.primaryWorker).count }

    /// Secondary workers that are up (draining ones included).
    public var secondaryWorkerCount: Int { workers(.secondaryWorker).count }

    /// One primary worker's NodeManager memory.
    public var nodeManagerMemoryMB: Int { sizing.nodeManagerMemoryMB }

    /// Samples taken at or after `start`, oldest first.
    public func metricsSamples(since start: ClusterInstant) -> [ClusterMetricsSample] {
        metricsWindow.samples(since: start)
    }

    /// Takes a metrics sample now (the timer also takes one every `metricsSampleInterval`).
    @discardableResult
    public func sampleMetrics() -> ClusterMetricsSample {
        let now = clock.now
        let sample = ClusterMetricsSample(instant: now, time: clock.date(of: now), yarn: resourceManager.metrics)
        metricsWindow.append(sample)
        lastSample = now
        return sample
    }

    /// MapReduce properties every job on this cluster starts from, as
    /// Dataproc sets them for the cluster's shape (`mapreduce.job.reduces`,
    /// `mapreduce.map.memory.mb`, …) plus the cluster's `mapred:` properties;
    /// a job's own properties override them.
    public nonisolated var jobDefaults: [String: String] {
        var result: [String: String] = [:]
        let properties = sizing.properties.merging(self.properties) { _, new in new }
        for (key, value) in properties where key.hasPrefix("mapred:") {
            result[String(key.dropFirst("mapred:".count))] = value
        }
        return result
    }
}
