/// A submitted job: its id and the cluster it runs on.
public struct ClusterJobHandle: Sendable, Hashable {
    /// The job id.
    public let id: String
    /// The cluster.
    public let cluster: SimulatedCluster

    /// Waits until the job has ended (DONE, ERROR or CANCELLED) and returns it.
    public func wait() async throws -> ClusterJob { try await cluster.waitForJob(id) }

    /// The job now.
    public func current() async throws -> ClusterJob {
        guard let job = await cluster.job(id) else { throw ClusterError.unknownJob(cluster: cluster.clusterName, id: id) }
        return job
    }

    /// Cancels the job.
    public func cancel() async throws { try await cluster.cancel(job: id) }

    public static func == (lhs: ClusterJobHandle, rhs: ClusterJobHandle) -> Bool { lhs.id == rhs.id && lhs.cluster === rhs.cluster }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
