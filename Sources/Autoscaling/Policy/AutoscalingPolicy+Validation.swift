import Cluster

extension AutoscalingPolicy {
    /// The bounds of `basicAlgorithm.cooldownPeriod`: 2 minutes to 1 day.
    public static let cooldownPeriodBounds = (
        lower: GoogleDuration(seconds: 120), upper: GoogleDuration(seconds: 86_400)
    )

    /// The bounds of `basicAlgorithm.yarnConfig.gracefulDecommissionTimeout`: 0 to 1 day.
    public static let gracefulDecommissionTimeoutBounds = (
        lower: GoogleDuration(seconds: 0), upper: GoogleDuration(seconds: 86_400)
    )

    /// Checks every field against Dataproc's rules.
    ///
    /// - Throws: ``AutoscalingPolicyError`` listing every bad field, e.g.
    ///   "basicAlgorithm.cooldownPeriod must be between 2m and 1d, got 60s".
    public func validate() throws(AutoscalingPolicyError) {
        var violations: [AutoscalingPolicyError.FieldViolation] = []
        func fail(_ field: String, _ text: String) {
            violations.append(.init(field: field, description: "\(field) \(text)"))
        }

        if !Self.isValidID(id) {
            fail("id", "must be 3 to 50 characters of letters, digits, '_' and '-', not starting or ending with '_' or '-', got \"\(id)\"")
        }

        let primary = primaryLimits
        if let minInstances = workerConfig.minInstances, minInstances != 0, minInstances < Self.defaultPrimaryMinInstances {
            fail("workerConfig.minInstances", "must be at least \(Self.defaultPrimaryMinInstances), got \(minInstances)")
        } else if primary.maxInstances < primary.minInstances {
            fail("workerConfig.maxInstances", "must be at least workerConfig.minInstances (\(primary.minInstances)), got \(primary.maxInstances)")
        }
        if let weight = workerConfig.weight, weight < 0 {
            fail("workerConfig.weight", "must be at least 0, got \(weight)")
        }

        if let secondary = secondaryWorkerConfig {
            let limits = secondaryLimits
            if let minInstances = secondary.minInstances, minInstances < 0 {
                fail("secondaryWorkerConfig.minInstances", "must be at least 0, got \(minInstances)")
            } else if limits.maxInstances < limits.minInstances {
                fail("secondaryWorkerConfig.maxInstances", "must be at least secondaryWorkerConfig.minInstances (\(limits.minInstances)), got \(limits.maxInstances)")
            }
            if let weight = secondary.weight, weight < 0 {
                fail("secondaryWorkerConfig.weight", "must be at least 0, got \(weight)")
            }
        }

        let cooldown = basicAlgorithm.cooldownPeriod
        if cooldown < Self.cooldownPeriodBounds.lower || cooldown > Self.cooldownPeriodBounds.upper {
            fail("basicAlgorithm.cooldownPeriod", "must be between 2m and 1d, got \(cooldown)")
        }

        let yarn = basicAlgorithm.yarnConfig
        let timeout = yarn.gracefulDecommissionTimeout
        if timeout < Self.gracefulDecommissionTimeoutBounds.lower || timeout > Self.gracefulDecommissionTimeoutBounds.upper {
            fail("basicAlgorithm.yarnConfig.gracefulDecommissionTimeout", "must be between 0s and 1d, got \(timeout)")
        }
        let fractions: [(String, Double)] = [
            ("scaleUpFactor", yarn.scaleUpFactor),
            ("scaleDownFactor", yarn.scaleDownFactor),
            ("scaleUpMinWorkerFraction", yarn.scaleUpMinWorkerFraction),
            ("scaleDownMinWorkerFraction", yarn.scaleDownMinWorkerFraction),
        ]
        // `contains` is false for NaN, so NaN is rejected along with out-of-range values.
        for (key, value) in fractions where !(0.0...1.0).contains(value) {
            fail("basicAlgorithm.yarnConfig.\(key)", "must be between 0 and 1, got \(NumberText.exact(value))")
        }

        if !violations.isEmpty { throw AutoscalingPolicyError(violations: violations) }
    }

    /// Whether `id` is 3–50 characters of `[A-Za-z0-9_-]`, not starting or ending with `_` or `-`.
    public static func isValidID(_ id: String) -> Bool {
        let scalars = id.unicodeScalars
        guard (3...50).contains(scalars.count), let first = scalars.first, let last = scalars.last else { return false }
        let edges: Set<Unicode.Scalar> = ["_", "-"]
        guard !edges.contains(first), !edges.contains(last) else { return false }
        return scalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": true
            default: false
            }
        }
    }
}
