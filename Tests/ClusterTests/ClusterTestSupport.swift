import Cluster
import Foundation
import Jobs
import MapReduce
import MiniprocTesting

/// Options for clusters whose tests hold tasks at a gate: a private pool large
/// enough that held tasks never starve other tests' work.
let gatedOptions = ClusterOptions(hostParallelism: 8)

/// Waits until `condition` holds, letting other tasks run in between; for
/// state that real work changes, never for time.
func eventually(_ condition: @Sendable () async -> Bool) async {
    while await !condition() { await Task.yield() }
}
