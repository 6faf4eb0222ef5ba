import Autoscaling
import Cluster
import Foundation
import ResourceManager

/// YARN metrics with the given pending and available memory, read from a real
/// resource manager: one node offering `availableMB`, one request of `pendingMB`
/// not yet scheduled.
func yarnMetrics(pendingMB: Int, availableMB: Int) -> YarnMetrics {
    var state = ResourceManagerState()
    if availableMB > 0 {
        _ = try? state.addNode(name: "w-0", capacity: Resources(memoryMB: availableMB, vcores: 1000))
    }
    if pendingMB > 0 {
        let application = state.submitApplication(name: "backlog")
        _ = try? state.requestContainers(1, of: Resources(memoryMB: pendingMB, vcores: 1), for: application)
    }
    return state.metrics
}

/// An observation of a cluster of n1-standard-4 workers.
func observation(
    _ state: ClusterState = .running, primary: Int = 2, secondary: Int = 0, pendingMB: Int = 0, availableMB: Int = 0
) -> ClusterObservation {
    ClusterObservation(state: state, shape: shape(primary, secondary), metrics: yarnMetrics(pendingMB: pendingMB, availableMB: availableMB))
}

/// `seconds` after the clock's origin.
func at(_ seconds: Int64) -> ClusterInstant {
    ClusterInstant(sinceOrigin: .seconds(seconds))
}

/// The resize requests among `actions`.
func resizes(_ actions: [AutoscalerAction]) -> [ResizeRequest] {
    actions.compactMap { action in
        if case let .resize(request) = action { return request }
        return nil
    }
}

/// A policy with the given cooldown and graceful decommission timeout.
func makePolicy(
    cooldownSeconds: Int64, timeoutSeconds: Int64 = 3600,
    primary: InstanceGroupAutoscalingPolicyConfig = .init(maxInstances: 20, weight: 1),
    secondary: InstanceGroupAutoscalingPolicyConfig? = nil,
    scaleUpFactor: Double = 1, scaleDownFactor: Double = 1
) -> AutoscalingPolicy {
    var policy = makePolicy(primary: primary, secondary: secondary, scaleUpFactor: scaleUpFactor, scaleDownFactor: scaleDownFactor)
    policy.basicAlgorithm.cooldownPeriod = GoogleDuration(seconds: cooldownSeconds)
    policy.basicAlgorithm.yarnConfig.gracefulDecommissionTimeout = GoogleDuration(seconds: timeoutSeconds)
    return policy
}
