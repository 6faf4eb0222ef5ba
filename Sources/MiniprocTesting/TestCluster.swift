import Cluster
import Foundation
import Jobs
import MapReduce
import ResourceManager

/// A simulated cluster in a test, with the clock that drives it and helpers
/// to run jobs, inject faults and move time.
public struct TestCluster: Sendable {
    /// The cluster.
    public let cluster: SimulatedCluster
    /// The manual clock it reads.
    public let clock: ManualClusterClock

    /// A test cluster over `cluster` and `clock`.
    public init(cluster: SimulatedCluster, clock: ManualClusterClock) {
        self.cluster = cluster
        self.clock = clock
    }

    // MARK: Time

    /// Moves the clock forward and processes whatever fell due (forced
    /// decommissions, metrics samples, TTL deletion), waiting for it to finish.
    public func advance(by duration: Duration) async {
        clock.advance(by: duration)
        await cluster.tick()
    }

    // MARK: Jobs

    /// Submits a MapReduce job without waiting for it.
    public func submit(_ job: MapReduceJob, onOutput: (@Sendable (String) -> Void)? = nil) async throws -> ClusterJobHandle {
        try await cluster.submit(job, onOutput: onOutput)
    }

    /// Runs a MapReduce job and returns it once it has ended (in any state).
    public func run(_ job: MapReduceJob) async throws -> ClusterJob {
        try await submit(job).wait()
    }

    /// Submits a program of the job library (or one of your own), as `gcloud
    /// dataproc jobs submit hadoop … -- wordcount IN OUT` would: its
    /// configuration starts from the cluster's MapReduce defaults
    /// (`jobDefaults`), overridden by `properties`, then by `-D key=value`
    /// options among `arguments`.
    public func submit(
        program: any JobProgram.Type, arguments: [String], properties: [String: String] = [:],
        onOutput: (@Sendable (String) -> Void)? = nil
    ) async throws -> ClusterJobHandle {
        try await cluster.submit(program: program, arguments: arguments, properties: properties, onOutput: onOutput)
    }

    /// Runs a program and returns its job once it has ended.
    public func run(program: any JobProgram.Type, arguments: [String], properties: [String: String] = [:]) async throws -> ClusterJob {
        try await submit(program: program, arguments: arguments, properties: properties).wait()
    }

    // MARK: Faults

    /// Loses a node: its containers fail, its directory and map outputs are gone.
    public func loseNode(_ name: String) async throws { try await cluster.loseNode(name) }

    /// How many containers run on node `name` now (its tasks and any application master).
    ///
    /// - Throws: `ClusterError.unknownNode` for a name the cluster never had.
    public func runningContainers(on name: String) async throws -> Int {
        guard let node = await cluster.nodeSummaries.first(where: { $0.name == name }) else {
            throw ClusterError.unknownNode(cluster: cluster.clusterName, name: name)
        }
        return node.runningContainers
    }

    /// Fills a node's disk, leaving `freeBytes` free.
    public func fillDisk(of name: String, leavingFreeBytes freeBytes: Int64 = 0) async throws {
        try await cluster.fillDisk(of: name, leavingFreeBytes: freeBytes)
    }

    /// Preempts secondary workers (all of them when `count` is nil).
    @discardableResult
    public func preemptSecondaryWorkers(count: Int? = nil) async throws -> [String] {
        try await cluster.preemptSecondaryWorkers(count: count)
    }

    /// Fails the next `count` attempts of a task.
    public func failAttempts(of kind: TaskKind, task: Int, count: Int = 1, jobName: String? = nil) async {
        await cluster.failAttempts(of: kind, task: task, count: count, jobName: jobName)
    }

    /// The name of worker `index` (`NAME-w-N`).
    public func worker(_ index: Int) -> String { ClusterNodeRole.primaryWorker.nodeName(cluster: cluster.clusterName, index: index) }

    /// The name of secondary worker `index` (`NAME-sw-N`).
    public func secondaryWorker(_ index: Int) -> String {
        ClusterNodeRole.secondaryWorker.nodeName(cluster: cluster.clusterName, index: index)
    }
}
