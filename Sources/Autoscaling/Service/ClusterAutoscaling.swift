import Cluster
import ResourceManager

/// Autoscaling of one simulated cluster: the policy its
/// `config.autoscalingConfig.policyUri` names, the ``AutoscalerService`` that runs
/// that policy on the cluster's clock, and the cluster's scaling history.
///
/// The cluster only records the policy's URI; this type carries the policy out.
/// Keep one per cluster for the cluster's whole life, so that its history survives
/// detaching and attaching again:
/// - ``start(cluster:configuration:resolvePolicy:)`` follows the policy the cluster
///   was created with, if any;
/// - ``attach(_:policyUri:)`` and ``detach()`` are `clusters update
///   --autoscaling-policy` and `--disable-autoscaling` on a RUNNING cluster;
/// - ``shutdown()`` stops sampling when the cluster is deleted (the service's loop
///   otherwise lives on, noting that the cluster is gone).
///
/// The autoscaler evaluates once per cooldown period and only while the cluster is
/// RUNNING; a due evaluation that finds it in another state is skipped and noted in
/// ``notices``, and runs at the first sample that finds it RUNNING again.
public final class ClusterAutoscaling: Sendable {
    /// The cluster being scaled.
    public let cluster: SimulatedCluster
    /// The service that samples the cluster and resizes it.
    public let service: AutoscalerService

    /// Autoscaling for `cluster`, sampling on its clock; no policy is attached yet.
    public init(cluster: SimulatedCluster, configuration: AutoscalerService.Configuration = .init()) {
        self.cluster = cluster
        self.service = AutoscalerService(cluster: cluster, clock: cluster.clock, configuration: configuration)
    }

    /// Autoscaling for `cluster` that follows the policy its
    /// `config.autoscalingConfig.policyUri` names, if any.
    ///
    /// - Parameter resolvePolicy: Finds the policy a URI names (a policy store's lookup).
    /// - Throws: What `resolvePolicy` throws, or ``AutoscalingPolicyError`` when the
    ///   policy is invalid.
    public static func start(
        cluster: SimulatedCluster, configuration: AutoscalerService.Configuration = .init(),
        resolvePolicy: (String) async throws -> AutoscalingPolicy
    ) async throws -> ClusterAutoscaling {
        let autoscaling = ClusterAutoscaling(cluster: cluster, configuration: configuration)
        if let uri = await cluster.config.autoscalingConfig?.policyUri {
            try await autoscaling.service.attach(try await resolvePolicy(uri))
        }
        return autoscaling
    }

    // MARK: Attaching

    /// Attaches `policy` to the running cluster (replacing any other) and records
    /// `policyUri` in its `config.autoscalingConfig`; the first evaluation is due one
    /// cooldown period from now.
    ///
    /// - Parameter policyUri: The URI to record; nil for the policy's `name`, else
    ///   `projects/PROJECT/regions/global/autoscalingPolicies/ID`.
    /// - Throws: ``AutoscalingPolicyError`` when the policy is invalid, `ClusterError`
    ///   when the cluster is not RUNNING or was deleted; nothing changes then.
    public func attach(_ policy: AutoscalingPolicy, policyUri: String? = nil) async throws {
        try policy.validate()
        let uri = policyUri ?? policy.name ?? "projects/\(cluster.projectId)/regions/global/autoscalingPolicies/\(policy.id)"
        try await cluster.updateAutoscalingConfig(AutoscalingConfig(policyUri: uri))
        try await service.attach(policy)
    }

    /// Detaches the policy from the running cluster: evaluations stop, the cluster's
    /// `config.autoscalingConfig` is cleared, and the history stays. A resize in
    /// flight runs to its end and is recorded.
    ///
    /// - Throws: `ClusterError` when the cluster is not RUNNING (a resize in flight
    ///   keeps it UPDATING) or was deleted; nothing changes then.
    public func detach() async throws {
        try await cluster.updateAutoscalingConfig(nil)
        await service.detach()
    }

    /// Stops evaluating without updating the cluster: for a cluster being deleted.
    /// The history stays readable.
    public func shutdown() async {
        await service.detach()
    }

    // MARK: Reading

    /// The attached policy, if any.
    public var policy: AutoscalingPolicy? {
        get async { await service.policy }
    }

    /// The URI of the policy the cluster follows, from its `config.autoscalingConfig`.
    public var policyUri: String? {
        get async { await cluster.config.autoscalingConfig?.policyUri }
    }

    /// Every evaluation so far, oldest first — those that changed nothing included,
    /// each with its decision's reason — across detachments.
    public var scalingHistory: [ScalingHistoryEntry] {
        get async { await service.history }
    }

    /// Evaluations skipped while the cluster was not RUNNING, and samples that failed, newest last.
    public var notices: [String] {
        get async { await service.notices }
    }

    /// When the next evaluation is due, if one is scheduled.
    public var nextEvaluation: ClusterInstant? {
        get async { await service.nextEvaluation }
    }
}
