/// One `clusters.patch` of a running cluster: the fields its `updateMask`
/// names, each nil when the mask leaves it alone. ``SimulatedCluster/beginUpdate(_:gracefulDecommissionTimeout:)``
/// applies it as one UPDATE operation.
public struct ClusterUpdate: Sendable, Hashable {
    /// `config.workerConfig.numInstances`.
    public var primaryWorkers: Int?
    /// `config.secondaryWorkerConfig.numInstances`.
    public var secondaryWorkers: Int?
    /// `config.lifecycleConfig`: `.some(nil)` clears it.
    public var lifecycleConfig: LifecycleConfig??
    /// `config.autoscalingConfig`: `.some(nil)` detaches the policy.
    public var autoscalingConfig: AutoscalingConfig??

    /// An update of the given fields.
    public init(
        primaryWorkers: Int? = nil, secondaryWorkers: Int? = nil,
        lifecycleConfig: LifecycleConfig?? = nil, autoscalingConfig: AutoscalingConfig?? = nil
    ) {
        self.primaryWorkers = primaryWorkers
        self.secondaryWorkers = secondaryWorkers
        self.lifecycleConfig = lifecycleConfig
        self.autoscalingConfig = autoscalingConfig
    }

    /// Whether it adds or removes workers.
    public var resizes: Bool { primaryWorkers != nil || secondaryWorkers != nil }

    /// Everything wrong with applying it to cluster `clusterName` with `config` at `now`, in field order.
    public func validationErrors(clusterName: String, config: ClusterConfig, now: GoogleTimestamp) -> [ClusterConfigError] {
        var errors: [ClusterConfigError] = []
        if primaryWorkers == 1 { errors.append(.onePrimaryWorker(cluster: clusterName)) }
        if let primaryWorkers, primaryWorkers < 0 {
            errors.append(.negativeCount(field: "config.workerConfig.numInstances", value: primaryWorkers))
        }
        if let secondaryWorkers, secondaryWorkers < 0 {
            errors.append(.negativeCount(field: "config.secondaryWorkerConfig.numInstances", value: secondaryWorkers))
        }
        if let lifecycleConfig {
            var updated = config
            updated.lifecycleConfig = lifecycleConfig
            errors += updated.validationErrors(clusterName: clusterName, now: now).filter { $0.field.hasPrefix("config.lifecycleConfig") }
        }
        return errors
    }
}
