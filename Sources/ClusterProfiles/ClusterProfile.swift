import Cluster
import Foundation

/// A named cluster shape loaded from a profile: what `gcloud dataproc clusters export` writes.
public struct ClusterProfile: Sendable, Hashable {
    /// The profile's name: its file name without `.yaml`.
    public var name: String
    /// Where the profile came from, as shown in messages.
    public var file: String
    /// The cluster configuration, validated.
    public var config: ClusterConfig
    /// Labels to put on clusters created from the profile.
    public var labels: [String: String]

    /// A profile.
    public init(name: String, file: String, config: ClusterConfig, labels: [String: String] = [:]) {
        self.name = name
        self.file = file
        self.config = config
        self.labels = labels
    }

    /// A cluster spec for `clusterName` in `projectId` with this profile's configuration and labels.
    public func spec(clusterName: String, projectId: String) -> ClusterSpec {
        ClusterSpec(projectId: projectId, clusterName: clusterName, labels: labels.isEmpty ? nil : labels, config: config)
    }
}
