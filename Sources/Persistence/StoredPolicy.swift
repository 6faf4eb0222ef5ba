import Autoscaling
import GRDB

/// An autoscaling policy as the store keeps it, keyed by (`projectId`, `region`, `policyId`).
public struct StoredPolicy: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    /// The table.
    public static let databaseTableName = "policy"

    /// The project.
    public var projectId: String
    /// The region.
    public var region: String
    /// The policy id.
    public var policyId: String
    /// The policy, with its `name` set.
    public var policy: AutoscalingPolicy
    /// When it was created, RFC 3339.
    public var createTime: String

    /// A stored policy.
    public init(projectId: String, region: String, policyId: String, policy: AutoscalingPolicy, createTime: String) {
        self.projectId = projectId
        self.region = region
        self.policyId = policyId
        self.policy = policy
        self.createTime = createTime
    }
}
