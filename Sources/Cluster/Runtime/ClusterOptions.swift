import Foundation
import ResourceManager

/// How a simulated cluster maps onto this machine.
///
/// Keys and defaults:
/// - `dataDirectory`: nil — a fresh directory under the system's temporary
///   directory; node disks live in `nodes/NAME` under it.
/// - `diskScale`: 0.001 — a node's disk quota is its `bootDiskSizeGb` times
///   this (1000 GB becomes 1 GB), so tests can fill a disk.
/// - `hostParallelism`: nil — task attempts share one process-wide pool of
///   `ProcessInfo.activeProcessorCount` threads, however many containers run;
///   a number gives this cluster its own pool of that size.
/// - `metricsSampleInterval`: 10 s of cluster time between metrics samples.
/// - `metricsWindowCapacity`: 360 samples kept (an hour at the default interval).
/// - `placementPolicy`: `.spread`.
public struct ClusterOptions: Sendable {
    /// Where node directories go; nil for a new temporary directory.
    public var dataDirectory: String?
    /// Disk quota = `bootDiskSizeGb` × 2^30 bytes × `diskScale`.
    public var diskScale: Double
    /// Threads for this cluster's attempts; nil to share the process-wide pool.
    public var hostParallelism: Int?
    /// Cluster time between metrics samples.
    public var metricsSampleInterval: Duration
    /// Samples kept.
    public var metricsWindowCapacity: Int
    /// How containers are placed.
    public var placementPolicy: PlacementPolicy

    /// Options with the defaults listed above.
    public init(
        dataDirectory: String? = nil,
        diskScale: Double = 0.001,
        hostParallelism: Int? = nil,
        metricsSampleInterval: Duration = .seconds(10),
        metricsWindowCapacity: Int = 360,
        placementPolicy: PlacementPolicy = .spread
    ) {
        self.dataDirectory = dataDirectory
        self.diskScale = diskScale
        self.hostParallelism = hostParallelism
        self.metricsSampleInterval = metricsSampleInterval
        self.metricsWindowCapacity = metricsWindowCapacity
        self.placementPolicy = placementPolicy
    }
}
