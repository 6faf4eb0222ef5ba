import Autoscaling
import Cluster
import Foundation

/// YARN memory of one n1-standard-4 worker, the divisor of DATAPROC.md's worked examples.
let n1Standard4MB = 12_288

/// A valid policy with primary-only weight unless told otherwise.
func makePolicy(
    primary: InstanceGroupAutoscalingPolicyConfig = .init(maxInstances: 100, weight: 1),
    secondary: InstanceGroupAutoscalingPolicyConfig? = nil,
    scaleUpFactor: Double = 1,
    scaleDownFactor: Double = 1,
    scaleUpMinWorkerFraction: Double = 0,
    scaleDownMinWorkerFraction: Double = 0
) -> AutoscalingPolicy {
    AutoscalingPolicy(
        id: "test-policy",
        workerConfig: primary,
        secondaryWorkerConfig: secondary,
        basicAlgorithm: BasicAutoscalingAlgorithm(
            yarnConfig: BasicYarnAutoscalingConfig(
                gracefulDecommissionTimeout: GoogleDuration(seconds: 3600),
                scaleUpFactor: scaleUpFactor,
                scaleDownFactor: scaleDownFactor,
                scaleUpMinWorkerFraction: scaleUpMinWorkerFraction,
                scaleDownMinWorkerFraction: scaleDownMinWorkerFraction
            )
        )
    )
}

/// `count` identical samples a minute apart.
func steadyWindow(pendingMB: Int, availableMB: Int, count: Int = 3) -> [YarnMetricsSample] {
    (0..<count).map { index in
        YarnMetricsSample(
            time: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60),
            pendingMemoryMB: pendingMB,
            availableMemoryMB: availableMB
        )
    }
}

/// A window whose average `pending − available` is `exactDelta` n1-standard-4 workers.
func window(exactDelta: Double) -> [YarnMetricsSample] {
    let memoryMB = Int((exactDelta * Double(n1Standard4MB)).rounded())
    return memoryMB >= 0
        ? steadyWindow(pendingMB: memoryMB, availableMB: 0)
        : steadyWindow(pendingMB: 0, availableMB: -memoryMB)
}

/// A cluster of n1-standard-4 workers.
func shape(_ primary: Int, _ secondary: Int = 0) -> ClusterShape {
    ClusterShape(primaryWorkers: primary, secondaryWorkers: secondary, nodeManagerMemoryMB: n1Standard4MB)
}

/// Decodes a policy from JSON text.
func decodePolicy(_ json: String) throws -> AutoscalingPolicy {
    try JSONDecoder().decode(AutoscalingPolicy.self, from: Data(json.utf8))
}

/// Encodes a value as JSON with sorted keys, for exact comparison.
func encodeSorted(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
