import Foundation

/// One group of identical VMs: the master, the primary workers or the secondary workers.
///
/// Keys: `numInstances` (master 1, or 3 for high availability; primary workers
/// default 2, or 0 for a single-node cluster; secondary default 0),
/// `machineTypeUri` (a bare name like `n1-standard-4` or a full
/// `…/machineTypes/n1-standard-4` URL; default `n2-standard-4`), `diskConfig`,
/// `preemptibility` (secondary default `PREEMPTIBLE`; others `NON_PREEMPTIBLE`),
/// `minNumInstances` (the fewest VMs the group may be created with), and the
/// server-filled `instanceNames`, `imageUri` and `minCpuPlatform`.
public struct InstanceGroupConfig: Sendable, Hashable {
    /// Number of VMs in the group.
    public var numInstances: Int?
    /// The VMs' names; filled in by the server.
    public var instanceNames: [String]?
    /// The VM image; filled in by the server.
    public var imageUri: String?
    /// The machine type, bare (`n1-standard-4`) or as a full URL.
    public var machineTypeUri: String?
    /// The VMs' disks.
    public var diskConfig: DiskConfig?
    /// Whether the VMs can be reclaimed.
    public var preemptibility: Preemptibility?
    /// The minimum CPU platform; `AUTOMATIC` when filled in by the server.
    public var minCpuPlatform: String?
    /// The fewest VMs the group may be created with when some fail to start.
    public var minNumInstances: Int?

    /// An instance group; every field defaults to absent.
    public init(
        numInstances: Int? = nil,
        instanceNames: [String]? = nil,
        imageUri: String? = nil,
        machineTypeUri: String? = nil,
        diskConfig: DiskConfig? = nil,
        preemptibility: Preemptibility? = nil,
        minCpuPlatform: String? = nil,
        minNumInstances: Int? = nil
    ) {
        self.numInstances = numInstances
        self.instanceNames = instanceNames
        self.imageUri = imageUri
        self.machineTypeUri = machineTypeUri
        self.diskConfig = diskConfig
        self.preemptibility = preemptibility
        self.minCpuPlatform = minCpuPlatform
        self.minNumInstances = minNumInstances
    }
}

extension InstanceGroupConfig: Codable {
    enum CodingKeys: String, CodingKey {
        case numInstances, instanceNames, imageUri, machineTypeUri, diskConfig, preemptibility, minCpuPlatform,
             minNumInstances
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        numInstances = try container.decodeProtoIntegerIfPresent(forKey: .numInstances)
        instanceNames = try container.decodeIfPresent([String].self, forKey: .instanceNames)
        imageUri = try container.decodeIfPresent(String.self, forKey: .imageUri)
        machineTypeUri = try container.decodeIfPresent(String.self, forKey: .machineTypeUri)
        diskConfig = try container.decodeIfPresent(DiskConfig.self, forKey: .diskConfig)
        preemptibility = try container.decodeIfPresent(Preemptibility.self, forKey: .preemptibility)
        minCpuPlatform = try container.decodeIfPresent(String.self, forKey: .minCpuPlatform)
        minNumInstances = try container.decodeProtoIntegerIfPresent(forKey: .minNumInstances)
    }
}
