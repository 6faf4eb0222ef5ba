import Cluster
import ClusterProfiles
import Foundation
import ResourceManager

/// Creates a cluster from `profile` on a manual clock, runs `body` with it,
/// and tears it down at the end of the scope — deleting it (which cancels
/// its jobs) and removing its data directory — even when `body` throws.
///
/// - Parameters:
///   - profile: A profile name or path (`small`).
///   - name: The cluster's name.
///   - clock: The clock; advance it with `TestCluster.advance(by:)`.
///   - options: Host mapping; `dataDirectory` defaults to a fresh temporary directory,
///     `hostParallelism` to a pool of the host's cores for this cluster alone.
///   - configure: Changes to the profile's spec before creation.
public func withTestCluster<Result: Sendable>(
    profile: String = "small",
    name: String = "test",
    clock: ManualClusterClock = ManualClusterClock(),
    options: ClusterOptions = ClusterOptions(),
    configure: (inout ClusterSpec) -> Void = { _ in },
    _ body: (TestCluster) async throws -> Result
) async throws -> Result {
    // Each test cluster gets its own pool of host threads: tests run in
    // parallel, and one test holding tasks at a gate must not starve another's.
    var options = options
    if options.hostParallelism == nil { options.hostParallelism = max(2, ProcessInfo.processInfo.activeProcessorCount) }
    let cluster = try await SimulatedCluster.create(profile: profile, name: name, clock: clock, options: options, configure: configure)
    let test = TestCluster(cluster: cluster, clock: clock)
    let result: Swift.Result<Result, any Error>
    do {
        result = .success(try await body(test))
    } catch {
        result = .failure(error)
    }
    // A test may end with its cluster STOPPING or STARTING, which cannot be
    // deleted; its directory is removed below all the same. A delete under way is awaited.
    let state = await cluster.state
    if await !cluster.isDeleted, state == .deleting || state.canMove(to: .deleting) { _ = try await cluster.delete() }
    if FileManager.default.fileExists(atPath: cluster.dataDirectory) {
        try FileManager.default.removeItem(atPath: cluster.dataDirectory)
    }
    return try result.get()
}
