import Foundation

/// A cluster's configuration (`Cluster.config`) in Dataproc's proto3 JSON shape.
///
/// Keys: `configBucket`, `tempBucket`, `gceClusterConfig`, `masterConfig`,
/// `workerConfig`, `secondaryWorkerConfig`, `softwareConfig`,
/// `autoscalingConfig`, `lifecycleConfig`. Every field is optional, as in the
/// API: an absent field takes the server default (see `ClusterConfig+Defaults`).
public struct ClusterConfig: Sendable, Hashable, Codable {
    /// The bucket for staging files and job driver output.
    public var configBucket: String?
    /// The bucket for ephemeral cluster and job data.
    public var tempBucket: String?
    /// Compute Engine settings shared by all VMs.
    public var gceClusterConfig: GceClusterConfig?
    /// The master group.
    public var masterConfig: InstanceGroupConfig?
    /// The primary worker group.
    public var workerConfig: InstanceGroupConfig?
    /// The secondary (by default preemptible) worker group.
    public var secondaryWorkerConfig: InstanceGroupConfig?
    /// Image version and properties.
    public var softwareConfig: SoftwareConfig?
    /// The autoscaling policy, if any.
    public var autoscalingConfig: AutoscalingConfig?
    /// Scheduled deletion and stop.
    public var lifecycleConfig: LifecycleConfig?

    /// A cluster configuration; every field defaults to absent.
    public init(
        configBucket: String? = nil,
        tempBucket: String? = nil,
        gceClusterConfig: GceClusterConfig? = nil,
        masterConfig: InstanceGroupConfig? = nil,
        workerConfig: InstanceGroupConfig? = nil,
        secondaryWorkerConfig: InstanceGroupConfig? = nil,
        softwareConfig: SoftwareConfig? = nil,
        autoscalingConfig: AutoscalingConfig? = nil,
        lifecycleConfig: LifecycleConfig? = nil
    ) {
        self.configBucket = configBucket
        self.tempBucket = tempBucket
        self.gceClusterConfig = gceClusterConfig
        self.masterConfig = masterConfig
        self.workerConfig = workerConfig
        self.secondaryWorkerConfig = secondaryWorkerConfig
        self.softwareConfig = softwareConfig
        self.autoscalingConfig = autoscalingConfig
        self.lifecycleConfig = lifecycleConfig
    }
}
