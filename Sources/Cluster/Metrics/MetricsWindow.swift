import ResourceManager

/// The latest metrics samples, oldest first, up to a fixed count.
struct MetricsWindow: Sendable {
    let capacity: Int
    private(set) var samples: [ClusterMetricsSample] = []

    init(capacity: Int) { self.capacity = max(1, capacity) }

    mutating func append(_ sample: ClusterMetricsSample) {
        samples.append(sample)
        if samples.count > capacity { samples.removeFirst(samples.count - capacity) }
    }

    /// Samples taken at or after `start`.
    func samples(since start: ClusterInstant) -> [ClusterMetricsSample] {
        samples.filter { $0.instant >= start }
    }

    var last: ClusterMetricsSample? { samples.last }
}
