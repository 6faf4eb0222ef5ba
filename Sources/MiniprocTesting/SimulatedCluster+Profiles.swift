import Cluster
import ClusterProfiles
import Foundation
import Jobs
import MapReduce
import ResourceManager

extension SimulatedCluster {
    /// Creates a cluster named `name` from a profile (`small`, `standard`, a path…).
    ///
    /// - Throws: `ProfileError` for a profile that cannot be loaded, `ClusterError` for an invalid cluster.
    public static func create(
        profile: String, name: String, projectId: String = "miniproc",
        clock: any ClusterClock = SystemClusterClock(), options: ClusterOptions = ClusterOptions(),
        configure: (inout ClusterSpec) -> Void = { _ in }
    ) async throws -> SimulatedCluster {
        let loaded = try ProfileLoader().load(profile)
        var spec = loaded.profile.spec(clusterName: name, projectId: projectId)
        configure(&spec)
        return try await create(spec: spec, clock: clock, options: options)
    }
}
