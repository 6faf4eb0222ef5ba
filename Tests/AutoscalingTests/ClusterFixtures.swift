import Autoscaling
import Cluster
import Foundation
import Jobs
import MapReduce
import MiniprocTesting

/// YARN memory of a map or application-master container on the `small` profile's
/// n1-standard-2 workers (6144 MB each, so two containers a worker).
let smallContainerMB = 3072

/// Options for clusters whose tests hold tasks at a gate: a private pool larger
/// than the most attempts a test holds, so held tasks never starve the others.
let heldTaskOptions = ClusterOptions(hostParallelism: 16)

/// Waits until `condition` holds, letting other tasks run in between; for state
/// that real work changes, never for time.
func eventually(_ condition: @Sendable () async -> Bool) async {
    while await !condition() { await Task.yield() }
}

/// Sets the number of primary workers the cluster is created with.
func primaryWorkers(_ count: Int) -> (inout ClusterSpec) -> Void {
    { spec in spec.config?.workerConfig?.numInstances = count }
}

extension ScalingOutcome {
    /// Whether the update operation carrying the decision finished successfully.
    var succeeded: Bool {
        if case .succeeded = self { return true }
        return false
    }
}
