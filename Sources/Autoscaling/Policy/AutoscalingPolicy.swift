import Cluster

/// A Dataproc autoscaling policy (`google.cloud.dataproc.v1.AutoscalingPolicy`).
///
/// Keys, in the JSON and YAML shape that `gcloud dataproc autoscaling-policies import`
/// takes and the API serves:
/// - `id`: required; 3–50 characters of `[A-Za-z0-9_-]`, not starting or ending with `_` or `-`.
/// - `name`: output only, `projects/P/regions/R/autoscalingPolicies/ID`.
/// - `workerConfig`: required; bounds and weight of the primary workers.
/// - `secondaryWorkerConfig`: optional; absent means no secondary workers (`[0, 0]`).
/// - `basicAlgorithm`: required; cooldown and the YARN scaling factors.
/// - `labels`: optional map of strings.
/// - `clusterType`: optional, `STANDARD` or `ZERO_SCALE`.
///
/// A value may be invalid; call ``validate()`` before trusting it.
public struct AutoscalingPolicy: Sendable, Hashable {
    /// The policy id, the last segment of ``name``.
    public var id: String
    /// The full resource name; set by the service, nil until then.
    public var name: String?
    /// Bounds and weight of the primary worker group.
    public var workerConfig: InstanceGroupAutoscalingPolicyConfig
    /// Bounds and weight of the secondary worker group; nil means `[0, 0]`, no weight.
    public var secondaryWorkerConfig: InstanceGroupAutoscalingPolicyConfig?
    /// How and when the policy scales on YARN metrics.
    public var basicAlgorithm: BasicAutoscalingAlgorithm
    /// User labels.
    public var labels: [String: String]
    /// The kind of cluster the policy is for; ``ClusterType/unspecified`` when not set.
    public var clusterType: ClusterType

    /// A policy from its parts; optional parts default to absent.
    public init(
        id: String,
        name: String? = nil,
        workerConfig: InstanceGroupAutoscalingPolicyConfig,
        secondaryWorkerConfig: InstanceGroupAutoscalingPolicyConfig? = nil,
        basicAlgorithm: BasicAutoscalingAlgorithm,
        labels: [String: String] = [:],
        clusterType: ClusterType = .unspecified
    ) {
        self.id = id
        self.name = name
        self.workerConfig = workerConfig
        self.secondaryWorkerConfig = secondaryWorkerConfig
        self.basicAlgorithm = basicAlgorithm
        self.labels = labels
        self.clusterType = clusterType
    }
}
