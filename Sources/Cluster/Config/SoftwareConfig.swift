import Foundation

/// The image and the Hadoop/YARN settings of a cluster (`config.softwareConfig`).
///
/// Keys: `imageVersion` (e.g. `2.2-debian12`; default the latest 2.2),
/// `properties` (prefixed keys such as `yarn:yarn.nodemanager.resource.memory-mb`,
/// `mapred:mapreduce.map.memory.mb`, `dataproc:dataproc.allow.zero.workers`),
/// `optionalComponents` (e.g. `JUPYTER`).
public struct SoftwareConfig: Sendable, Hashable, Codable {
    /// The Dataproc image version.
    public var imageVersion: String?
    /// Cluster properties, keyed `prefix:property`.
    public var properties: [String: String]?
    /// Optional components to install.
    public var optionalComponents: [String]?

    /// A software configuration; every field defaults to absent.
    public init(imageVersion: String? = nil, properties: [String: String]? = nil, optionalComponents: [String]? = nil) {
        self.imageVersion = imageVersion
        self.properties = properties
        self.optionalComponents = optionalComponents
    }
}
