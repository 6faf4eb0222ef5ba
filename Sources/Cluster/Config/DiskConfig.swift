import Foundation

/// The disks of each VM in an instance group (`InstanceGroupConfig.diskConfig`).
///
/// Keys: `bootDiskSizeGb` (default 1000), `bootDiskType` (`pd-standard`,
/// `pd-balanced`, `pd-ssd`; default `pd-standard`), `numLocalSsds` (default 0),
/// `localSsdInterface` (`SCSI` or `NVME`). A nil field is absent from the JSON,
/// and the server default applies. A node's boot disk size becomes the quota of
/// its local directory.
public struct DiskConfig: Sendable, Hashable {
    /// Boot disk size in GB; must be positive when set.
    public var bootDiskSizeGb: Int?
    /// Boot disk type, such as `pd-standard` or `pd-ssd`.
    public var bootDiskType: String?
    /// Number of attached local SSDs, 0 to 8.
    public var numLocalSsds: Int?
    /// Interface of the local SSDs: `SCSI` or `NVME`.
    public var localSsdInterface: String?

    /// A disk configuration; every field defaults to absent.
    public init(bootDiskSizeGb: Int? = nil, bootDiskType: String? = nil, numLocalSsds: Int? = nil, localSsdInterface: String? = nil) {
        self.bootDiskSizeGb = bootDiskSizeGb
        self.bootDiskType = bootDiskType
        self.numLocalSsds = numLocalSsds
        self.localSsdInterface = localSsdInterface
    }
}

extension DiskConfig: Codable {
    enum CodingKeys: String, CodingKey {
        case bootDiskSizeGb, bootDiskType, numLocalSsds, localSsdInterface
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        bootDiskSizeGb = try container.decodeProtoIntegerIfPresent(forKey: .bootDiskSizeGb)
        bootDiskType = try container.decodeIfPresent(String.self, forKey: .bootDiskType)
        numLocalSsds = try container.decodeProtoIntegerIfPresent(forKey: .numLocalSsds)
        localSsdInterface = try container.decodeIfPresent(String.self, forKey: .localSsdInterface)
    }
}
