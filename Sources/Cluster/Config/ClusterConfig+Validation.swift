import Foundation

extension ClusterConfig {
    /// Idle TTLs (`idleDeleteTtl`, `idleStopTtl`) must lie in 5 minutes to 14 days.
    public static let idleTtlRange = GoogleDuration(seconds: 300) ... GoogleDuration(seconds: 14 * 86_400)
    /// Age TTLs (`autoDeleteTtl`, `autoStopTtl`) and times must lie 10 minutes to 14 days out.
    public static let autoTtlRange = GoogleDuration(seconds: 600) ... GoogleDuration(seconds: 14 * 86_400)

    /// Every mistake in the configuration, in field order; empty when it is valid.
    ///
    /// - Parameters:
    ///   - clusterName: named in messages ("cluster 'etl' needs…"); nil says "the cluster".
    ///   - now: the creation time against which `autoDeleteTime`/`autoStopTime`
    ///     are checked; nil skips those checks (a profile has no creation time).
    public func validationErrors(clusterName: String? = nil, now: GoogleTimestamp? = nil) -> [ClusterConfigError] {
        var errors: [ClusterConfigError] = []
        let groups: [(key: String, group: InstanceGroupConfig?)] = [
            ("masterConfig", masterConfig), ("workerConfig", workerConfig), ("secondaryWorkerConfig", secondaryWorkerConfig),
        ]
        for (key, group) in groups {
            guard let group else { continue }
            errors += Self.validationErrors(of: group, at: "config.\(key)", primary: key != "secondaryWorkerConfig")
        }
        if let count = masterConfig?.numInstances, count > 0, count != 1, count != 3 {
            errors.append(.invalidMasterCount(cluster: clusterName, count: count))
        }
        switch workerConfig?.numInstances {
        case 1?: errors.append(.onePrimaryWorker(cluster: clusterName))
        // An explicit 0 without the property would silently become 2 workers.
        case 0? where !allowsZeroWorkers: errors.append(.zeroPrimaryWorkersNotAllowed(cluster: clusterName))
        default: break
        }
        if let lifecycleConfig { errors += Self.validationErrors(of: lifecycleConfig, now: now) }
        if !errors.isEmpty { return errors }
        // YARN sizing needs known machine types and sane counts, so it runs last.
        do {
            _ = try YarnSizing(config: self)
        } catch {
            errors.append(error)
        }
        return errors
    }

    /// Throws the first mistake in the configuration, if any.
    public func validate(clusterName: String? = nil, now: GoogleTimestamp? = nil) throws(ClusterConfigError) {
        if let first = validationErrors(clusterName: clusterName, now: now).first { throw first }
    }

    private static func validationErrors(of group: InstanceGroupConfig, at path: String, primary: Bool) -> [ClusterConfigError] {
        var errors: [ClusterConfigError] = []
        if let count = group.numInstances, count < 0 {
            errors.append(.negativeCount(field: "\(path).numInstances", value: count))
        }
        if let minimum = group.minNumInstances {
            if minimum < 0 {
                errors.append(.negativeCount(field: "\(path).minNumInstances", value: minimum))
            } else if let count = group.numInstances, minimum > count {
                errors.append(.minimumAboveCount(field: "\(path).minNumInstances", minimum: minimum, count: count))
            }
        }
        if let uri = group.machineTypeUri, MachineType(uri: uri) == nil {
            errors.append(.unknownMachineType(field: "\(path).machineTypeUri", name: MachineType.bareName(of: uri)))
        }
        if let disk = group.diskConfig {
            if let size = disk.bootDiskSizeGb, size <= 0 {
                errors.append(.nonPositiveSize(field: "\(path).diskConfig.bootDiskSizeGb", value: size, unit: "GB"))
            }
            if let ssds = disk.numLocalSsds, ssds < 0 {
                errors.append(.negativeCount(field: "\(path).diskConfig.numLocalSsds", value: ssds))
            }
        }
        if primary, let preemptibility = group.preemptibility, preemptibility == .preemptible || preemptibility == .spot {
            errors.append(.preemptiblePrimaryGroup(field: "\(path).preemptibility", value: preemptibility))
        }
        return errors
    }

    private static func validationErrors(of lifecycle: LifecycleConfig, now: GoogleTimestamp?) -> [ClusterConfigError] {
        var errors: [ClusterConfigError] = []
        let path = "config.lifecycleConfig"
        let durations: [(String, GoogleDuration?, ClosedRange<GoogleDuration>)] = [
            ("idleDeleteTtl", lifecycle.idleDeleteTtl, idleTtlRange),
            ("autoDeleteTtl", lifecycle.autoDeleteTtl, autoTtlRange),
            ("idleStopTtl", lifecycle.idleStopTtl, idleTtlRange),
            ("autoStopTtl", lifecycle.autoStopTtl, autoTtlRange),
        ]
        for (key, value, range) in durations {
            guard let value, !range.contains(value) else { continue }
            errors.append(.durationOutOfRange(
                field: "\(path).\(key)", value: value, minimum: range.lowerBound, maximum: range.upperBound
            ))
        }
        // The API declares each TTL and its absolute time as a proto oneof.
        if lifecycle.autoDeleteTtl != nil, lifecycle.autoDeleteTime != nil {
            errors.append(.mutuallyExclusive(field: "\(path).autoDeleteTime", other: "autoDeleteTtl"))
        }
        if lifecycle.autoStopTtl != nil, lifecycle.autoStopTime != nil {
            errors.append(.mutuallyExclusive(field: "\(path).autoStopTime", other: "autoStopTtl"))
        }
        if let now {
            for (key, time) in [("autoDeleteTime", lifecycle.autoDeleteTime), ("autoStopTime", lifecycle.autoStopTime)] {
                guard let time, !autoTtlRange.contains(now.duration(to: time)) else { continue }
                errors.append(.timeOutOfRange(field: "\(path).\(key)", value: time, now: now))
            }
        }
        return errors
    }
}
