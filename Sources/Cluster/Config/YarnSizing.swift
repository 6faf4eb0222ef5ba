import Foundation

/// The effective YARN and MapReduce sizes of a cluster's worker nodes.
///
/// Defaults follow Miniproc's rule for Dataproc (which publishes no formula):
/// NodeManager memory from `MachineType.yarnNodeManagerMemoryMB`, one vcore per
/// vCPU, map/reduce/application-master containers of NodeManager MB ÷ vcores
/// with 1 vcore each, `maximum-allocation-mb` = NodeManager MB,
/// `minimum-allocation-mb` = 1, reduces = workers × vcores − 1 (at least 1), and
/// maps = 3 × reduces. Any of them can be overridden with a prefixed cluster
/// property (see `YarnSizing.Key`); derived defaults follow the overridden
/// values, so raising the NodeManager memory also raises the container sizes.
public struct YarnSizing: Sendable, Hashable {
    /// `yarn.nodemanager.resource.memory-mb`: memory each NodeManager offers.
    public var nodeManagerMemoryMB: Int
    /// `yarn.nodemanager.resource.cpu-vcores`: vcores each NodeManager offers.
    public var nodeManagerVcores: Int
    /// `yarn.scheduler.maximum-allocation-mb`: the largest container.
    public var maximumAllocationMB: Int
    /// `yarn.scheduler.minimum-allocation-mb`: the smallest container; requests round up to it.
    public var minimumAllocationMB: Int
    /// `mapreduce.map.memory.mb`.
    public var mapMemoryMB: Int
    /// `mapreduce.reduce.memory.mb`.
    public var reduceMemoryMB: Int
    /// `yarn.app.mapreduce.am.resource.mb`.
    public var appMasterMemoryMB: Int
    /// `mapreduce.map.cpu.vcores`.
    public var mapVcores: Int
    /// `mapreduce.reduce.cpu.vcores`.
    public var reduceVcores: Int
    /// `yarn.app.mapreduce.am.resource.cpu-vcores`.
    public var appMasterVcores: Int
    /// `mapreduce.job.maps`: the default map count hint.
    public var jobMaps: Int
    /// `mapreduce.job.reduces`: the default reduce count; 0 means map-only.
    public var jobReduces: Int

    /// The sizes for `workerCount` NodeManagers on `machineType`, with `properties` overrides.
    ///
    /// - Throws: `ClusterConfigError.invalidProperty` for a value that is not a
    ///   whole number in range, `.containerTooLarge` for a container that no node could hold.
    public init(machineType: MachineType, workerCount: Int, properties: [String: String] = [:]) throws(ClusterConfigError) {
        let overrides = Overrides(properties)
        (nodeManagerMemoryMB, nodeManagerVcores) = try Self.nodeManagerCapacity(machineType: machineType, properties: properties)
        maximumAllocationMB = try overrides.value(.maximumAllocationMB) ?? nodeManagerMemoryMB
        minimumAllocationMB = try overrides.value(.minimumAllocationMB) ?? 1
        let containerMB = max(nodeManagerMemoryMB / max(nodeManagerVcores, 1), 1)
        mapMemoryMB = try overrides.value(.mapMemoryMB) ?? containerMB
        reduceMemoryMB = try overrides.value(.reduceMemoryMB) ?? containerMB
        appMasterMemoryMB = try overrides.value(.appMasterMemoryMB) ?? containerMB
        mapVcores = try overrides.value(.mapVcores) ?? 1
        reduceVcores = try overrides.value(.reduceVcores) ?? 1
        appMasterVcores = try overrides.value(.appMasterVcores) ?? 1
        // One container slot per vcore across the workers, less one for the
        // application master, as Dataproc's defaults work out (2 × 4 vcores → 7).
        jobReduces = try overrides.value(.jobReduces) ?? max(max(workerCount, 1) * nodeManagerVcores - 1, 1)
        jobMaps = try overrides.value(.jobMaps) ?? 3 * max(jobReduces, 1)
        try checkContainersFit()
    }

    /// What one NodeManager on `machineType` offers: the machine's YARN share, or
    /// `yarn.nodemanager.resource.memory-mb` / `.cpu-vcores` from `properties`.
    ///
    /// - Throws: `ClusterConfigError.invalidProperty` for a value that is not a whole number in range.
    static func nodeManagerCapacity(
        machineType: MachineType, properties: [String: String]
    ) throws(ClusterConfigError) -> (memoryMB: Int, vcores: Int) {
        let overrides = Overrides(properties)
        return (try overrides.value(.nodeManagerMemoryMB) ?? machineType.yarnNodeManagerMemoryMB,
                try overrides.value(.nodeManagerVcores) ?? machineType.yarnNodeManagerVcores)
    }

    /// The sizes of `config`'s worker nodes: the primary workers' machine type,
    /// or the master's for a single-node cluster (where the master runs the NodeManager).
    public init(config: ClusterConfig) throws(ClusterConfigError) {
        let workers = config.primaryWorkerCount
        let group = workers == 0 ? "masterConfig" : "workerConfig"
        let uri = (workers == 0 ? config.masterConfig : config.workerConfig)?.machineTypeUri
            ?? ClusterConfig.defaultMachineTypeName
        guard let machineType = MachineType(uri: uri) else {
            throw .unknownMachineType(field: "config.\(group).machineTypeUri", name: MachineType.bareName(of: uri))
        }
        try self.init(machineType: machineType, workerCount: workers, properties: config.softwareConfig?.properties ?? [:])
    }

    /// The sizes as the prefixed cluster properties Dataproc reports
    /// (`yarn:yarn.nodemanager.resource.memory-mb` …), including the JVM heaps
    /// (`-Xmx` = 80 % of the container).
    public var properties: [String: String] {
        var result: [String: String] = [:]
        for key in Key.allCases { result[key.rawValue] = String(self[key]) }
        result["mapred:mapreduce.map.java.opts"] = "-Xmx\(mapMemoryMB * 4 / 5)m"
        result["mapred:mapreduce.reduce.java.opts"] = "-Xmx\(reduceMemoryMB * 4 / 5)m"
        result["mapred:yarn.app.mapreduce.am.command-opts"] = "-Xmx\(appMasterMemoryMB * 4 / 5)m"
        return result
    }

    /// The value behind a property key.
    public subscript(key: Key) -> Int {
        switch key {
        case .nodeManagerMemoryMB: nodeManagerMemoryMB
        case .nodeManagerVcores: nodeManagerVcores
        case .maximumAllocationMB: maximumAllocationMB
        case .minimumAllocationMB: minimumAllocationMB
        case .mapMemoryMB: mapMemoryMB
        case .reduceMemoryMB: reduceMemoryMB
        case .appMasterMemoryMB: appMasterMemoryMB
        case .mapVcores: mapVcores
        case .reduceVcores: reduceVcores
        case .appMasterVcores: appMasterVcores
        case .jobMaps: jobMaps
        case .jobReduces: jobReduces
        }
    }

    private func checkContainersFit() throws(ClusterConfigError) {
        let memoryLimit = min(maximumAllocationMB, nodeManagerMemoryMB)
        let limitKey = maximumAllocationMB <= nodeManagerMemoryMB ? Key.maximumAllocationMB : .nodeManagerMemoryMB
        for key in [Key.mapMemoryMB, .reduceMemoryMB, .appMasterMemoryMB] where self[key] > memoryLimit {
            throw .containerTooLarge(key: key.rawValue, value: self[key], limitKey: limitKey.rawValue, limit: memoryLimit)
        }
        for key in [Key.mapVcores, .reduceVcores, .appMasterVcores] where self[key] > nodeManagerVcores {
            throw .containerTooLarge(
                key: key.rawValue, value: self[key], limitKey: Key.nodeManagerVcores.rawValue, limit: nodeManagerVcores
            )
        }
    }
}
