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

    /// Submits a program of the job library: its configuration starts from the
    /// cluster's `jobDefaults`, overridden by `configuration`; the program's
    /// closing messages (pi's estimate…) go to the driver output.
    @discardableResult
    public func submit(
        program: any JobProgram.Type, arguments: [String], configuration: JobConfiguration = JobConfiguration(),
        jobID: String? = nil, onOutput: (@Sendable (String) -> Void)? = nil
    ) throws -> ClusterJobHandle {
        let merged = JobConfiguration(jobDefaults).merging(configuration.properties)
        return try submit(jobID: jobID, name: program.name, onOutput: onOutput) { driver in
            let outcome = try await program.run(arguments: arguments, configuration: merged, submitter: driver.submitter)
            for message in outcome.messages { driver.print(message) }
        }
    }
}
