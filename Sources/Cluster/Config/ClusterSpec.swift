import Foundation

/// What a client asks for when it creates a cluster: the writable part of
/// Dataproc's `Cluster` message.
///
/// Keys: `projectId`, `clusterName` (see `ClusterSpec.validateClusterName(_:)`),
/// `labels`, `config`. Encodes to, and decodes from, the body of
/// `POST /v1/projects/P/regions/R/clusters`.
public struct ClusterSpec: Sendable, Hashable, Codable {
    /// The project the cluster belongs to.
    public var projectId: String
    /// The cluster's name, unique within its project and region.
    public var clusterName: String
    /// User labels.
    public var labels: [String: String]?
    /// The cluster's configuration.
    public var config: ClusterConfig?

    /// A cluster named `clusterName` in `projectId`.
    public init(projectId: String, clusterName: String, labels: [String: String]? = nil, config: ClusterConfig? = nil) {
        self.projectId = projectId
        self.clusterName = clusterName
        self.labels = labels
        self.config = config
    }
}

extension ClusterSpec {
    enum CodingKeys: String, CodingKey {
        case projectId, clusterName, labels, config
    }

    // proto3: an absent string field is the empty string, so a body without
    // `projectId` decodes rather than failing; validation then names the gap.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        projectId = try container.decodeIfPresent(String.self, forKey: .projectId) ?? ""
        clusterName = try container.decodeIfPresent(String.self, forKey: .clusterName) ?? ""
        labels = try container.decodeIfPresent([String: String].self, forKey: .labels)
        config = try container.decodeIfPresent(ClusterConfig.self, forKey: .config)
    }
}
