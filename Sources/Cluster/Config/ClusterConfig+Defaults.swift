import Foundation

extension ClusterConfig {
    /// The property that lets a cluster have no primary workers (a single-node cluster).
    public static let allowZeroWorkersProperty = "dataproc:dataproc.allow.zero.workers"

    /// The machine type the server picks when a group names none (image 2.2).
    public static let defaultMachineTypeName = "n2-standard-4"

    /// Whether `dataproc:dataproc.allow.zero.workers` is `true`.
    public var allowsZeroWorkers: Bool {
        softwareConfig?.properties?[Self.allowZeroWorkersProperty]?.lowercased() == "true"
    }

    /// The number of primary workers the cluster gets.
    ///
    /// proto3 cannot tell an absent count from 0, so, as on Dataproc, a missing
    /// or zero count means 0 only when zero workers are allowed, and 2 otherwise.
    public var primaryWorkerCount: Int {
        let requested = workerConfig?.numInstances ?? 0
        if requested == 0 { return allowsZeroWorkers ? 0 : 2 }
        return requested
    }

    /// The number of secondary workers the cluster gets (default 0).
    public var secondaryWorkerCount: Int { max(secondaryWorkerConfig?.numInstances ?? 0, 0) }

    /// The number of masters (default 1).
    public var masterCount: Int {
        let requested = masterConfig?.numInstances ?? 0
        return requested == 0 ? 1 : requested
    }

    /// The secondary workers' preemptibility, `PREEMPTIBLE` unless set.
    public var secondaryWorkerPreemptibility: Preemptibility {
        switch secondaryWorkerConfig?.preemptibility {
        case nil, .unspecified?: .preemptible
        case let value?: value
        }
    }

    /// The master's machine type, or nil when `machineTypeUri` is not in the catalog.
    public var masterMachineType: MachineType? { Self.machineType(of: masterConfig) }

    /// The primary workers' machine type, or nil when `machineTypeUri` is not in the catalog.
    public var workerMachineType: MachineType? { Self.machineType(of: workerConfig) }

    /// The secondary workers' machine type: their own, else the primary workers'
    /// (as on Dataproc); nil when not in the catalog.
    public var secondaryWorkerMachineType: MachineType? {
        secondaryWorkerConfig?.machineTypeUri == nil ? workerMachineType : Self.machineType(of: secondaryWorkerConfig)
    }

    private static func machineType(of group: InstanceGroupConfig?) -> MachineType? {
        MachineType(uri: group?.machineTypeUri ?? defaultMachineTypeName)
    }
}
