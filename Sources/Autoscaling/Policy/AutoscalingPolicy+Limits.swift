extension AutoscalingPolicy {
    /// The default lower bound of the primary worker group.
    public static let defaultPrimaryMinInstances = 2

    /// The default lower bound of the secondary worker group.
    public static let defaultSecondaryMinInstances = 0

    /// The primary group's bounds and weight, defaults applied.
    public var primaryLimits: WorkerGroupLimits {
        let weights = resolvedWeights
        return WorkerGroupLimits(
            minInstances: workerConfig.resolvedMinInstances(default: Self.defaultPrimaryMinInstances),
            maxInstances: workerConfig.maxInstances,
            weight: weights.primary
        )
    }

    /// The secondary group's bounds and weight, defaults applied; `[0, 0]` when the
    /// policy has no `secondaryWorkerConfig`.
    public var secondaryLimits: WorkerGroupLimits {
        let weights = resolvedWeights
        return WorkerGroupLimits(
            minInstances: secondaryWorkerConfig?.resolvedMinInstances(default: Self.defaultSecondaryMinInstances)
                ?? Self.defaultSecondaryMinInstances,
            maxInstances: secondaryWorkerConfig?.maxInstances ?? 0,
            weight: weights.secondary
        )
    }

    /// Dataproc's weight rule: neither group set → equal; only one set → the other 0.
    private var resolvedWeights: (primary: Int, secondary: Int) {
        switch (workerConfig.explicitWeight, secondaryWorkerConfig?.explicitWeight) {
        case (nil, nil): (1, 1)
        case (let primary?, nil): (primary, 0)
        case (nil, let secondary?): (0, secondary)
        case (let primary?, let secondary?): (primary, secondary)
        }
    }
}
