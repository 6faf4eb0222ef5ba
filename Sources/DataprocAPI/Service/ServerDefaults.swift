import Cluster
import Foundation

/// The values the Dataproc service fills into a cluster it creates (image
/// 2.2 defaults): buckets, zone and machine type URLs, disks, image, properties.
enum ServerDefaults {
    static let imageVersion = "2.2.63-debian12"
    static let imageUri = "https://www.googleapis.com/compute/v1/projects/cloud-dataproc/global/images/dataproc-2-2-deb12-20250620-165100-rc01"
    static let computeBase = "https://www.googleapis.com/compute/v1"
    static let defaultScopes = ["https://www.googleapis.com/auth/cloud-platform"]

    /// Properties every cluster reports beside its YARN sizing; a user's override them.
    static let properties: [String: String] = [
        "capacity-scheduler:yarn.scheduler.capacity.resource-calculator": "org.apache.hadoop.yarn.util.resource.DominantResourceCalculator",
        "capacity-scheduler:yarn.scheduler.capacity.root.default.ordering-policy": "fair",
        "core:fs.gs.block.size": "134217728",
        "core:fs.gs.metadata.cache.enable": "false",
        "core:hadoop.ssl.enabled.protocols": "TLSv1,TLSv1.1,TLSv1.2",
        "distcp:mapreduce.map.java.opts": "-Xmx768m",
        "distcp:mapreduce.map.memory.mb": "1024",
        "distcp:mapreduce.reduce.java.opts": "-Xmx768m",
        "distcp:mapreduce.reduce.memory.mb": "1024",
        "hadoop-env:HADOOP_DATANODE_OPTS": "-Xmx512m",
        "hdfs:dfs.datanode.address": "0.0.0.0:9866",
        "hdfs:dfs.namenode.handler.count": "20",
        "hdfs:dfs.namenode.service.handler.count": "10",
        "mapred-env:HADOOP_JOB_HISTORYSERVER_HEAPSIZE": "4000",
        "mapred:mapreduce.job.reduce.slowstart.completedmaps": "0.95",
        "yarn-env:YARN_TIMELINESERVER_HEAPSIZE": "4000",
        "yarn:yarn.nodemanager.address": "0.0.0.0:8026",
        "yarn:yarn.resourcemanager.nodemanager-graceful-decommission-timeout-secs": "86400",
    ]

    /// A stable 12-digit project number for `project`.
    static func projectNumber(_ project: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in project.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(100_000_000_000 + hash % 900_000_000_000)
    }

    /// `prefix-REGION-NUMBER-XXXXXXXX`, the suffix taken from `seed`.
    static func bucketName(_ prefix: String, project: String, region: String, seed: String) -> String {
        let suffix = seed.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(8)
        return "\(prefix)-\(region)-\(projectNumber(project))-\(suffix)"
    }

    /// The zone a region's clusters land in when the request names none.
    static func autoZone(region: String) -> String { "\(region)-f" }

    /// `config` with every server-filled value; `autoZone` says whether the zone came from the server.
    ///
    /// - Throws: `ClusterConfigError` when the YARN sizes cannot be derived
    ///   (an unknown machine type, containers that do not fit), which validation reports first.
    static func fill(
        _ config: ClusterConfig, project: String, region: String, uuid: String
    ) throws(ClusterConfigError) -> (config: ClusterConfig, autoZone: Bool) {
        var filled = config
        filled.configBucket = nonEmpty(config.configBucket) ?? bucketName("dataproc-staging", project: project, region: region, seed: uuid)
        filled.tempBucket = nonEmpty(config.tempBucket)
            ?? bucketName("dataproc-temp", project: project, region: region, seed: String(uuid.reversed()))
        var gce = config.gceClusterConfig ?? GceClusterConfig()
        let requestedZone = nonEmpty(gce.zoneUri)
        let zone = requestedZone.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? autoZone(region: region)
        gce.zoneUri = "\(computeBase)/projects/\(project)/zones/\(zone)"
        if gce.networkUri == nil, gce.subnetworkUri == nil {
            gce.networkUri = "\(computeBase)/projects/\(project)/global/networks/default"
        }
        if gce.serviceAccountScopes == nil { gce.serviceAccountScopes = defaultScopes }
        filled.gceClusterConfig = gce

        let workerType = config.workerConfig?.machineTypeUri
        func group(_ group: InstanceGroupConfig?, count: Int, preemptibility: Preemptibility, typeFallback: String?) -> InstanceGroupConfig {
            var result = group ?? InstanceGroupConfig()
            result.numInstances = count
            let type = MachineType.bareName(uri: result.machineTypeUri ?? typeFallback ?? ClusterConfig.defaultMachineTypeName)
            result.machineTypeUri = "\(computeBase)/projects/\(project)/zones/\(zone)/machineTypes/\(type)"
            var disk = result.diskConfig ?? DiskConfig()
            disk.bootDiskSizeGb = disk.bootDiskSizeGb ?? 1000
            disk.bootDiskType = disk.bootDiskType ?? "pd-standard"
            result.diskConfig = disk
            result.imageUri = result.imageUri ?? imageUri
            result.minCpuPlatform = result.minCpuPlatform ?? "AUTOMATIC"
            if result.preemptibility == nil || result.preemptibility == .unspecified { result.preemptibility = preemptibility }
            return result
        }
        filled.masterConfig = group(config.masterConfig, count: config.masterCount, preemptibility: .nonPreemptible, typeFallback: nil)
        let workers = config.primaryWorkerCount
        filled.workerConfig = workers == 0
            ? nil : group(config.workerConfig, count: workers, preemptibility: .nonPreemptible, typeFallback: nil)
        if config.secondaryWorkerCount > 0 {
            filled.secondaryWorkerConfig = group(
                config.secondaryWorkerConfig, count: config.secondaryWorkerCount, preemptibility: .preemptible, typeFallback: workerType)
        } else {
            filled.secondaryWorkerConfig = nil
        }
        var software = config.softwareConfig ?? SoftwareConfig()
        software.imageVersion = nonEmpty(software.imageVersion) ?? imageVersion
        var properties = properties
        properties.merge(try YarnSizing(config: config).properties) { _, new in new }
        properties.merge(config.softwareConfig?.properties ?? [:]) { _, new in new }
        software.properties = properties
        filled.softwareConfig = software
        return (filled, requestedZone == nil)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

extension MachineType {
    /// The bare name of a machine type URI (`…/machineTypes/n1-standard-4` → `n1-standard-4`).
    static func bareName(uri: String) -> String {
        uri.split(separator: "/").last.map(String.init) ?? uri
    }
}
