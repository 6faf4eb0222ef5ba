import MapReduce

/// Runs each MapReduce job as its own Dataproc job on a cluster and waits for it.
struct StandaloneSubmitter: JobSubmitter {
    let cluster: SimulatedCluster

    func submit(_ job: MapReduceJob) async throws -> JobResult {
        let handle = try await cluster.submit(job)
        let ended = try await handle.wait()
        if ended.state == .done, let result = ended.results.last { return result }
        throw ClusterError.jobFailed(id: ended.id, state: ended.state, details: ended.status.details ?? "")
    }
}
