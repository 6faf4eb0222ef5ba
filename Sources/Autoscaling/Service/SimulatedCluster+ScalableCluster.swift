import Cluster

/// A simulated cluster is what the autoscaler scales: it observes the cluster's
/// state, its worker counts and its resource manager's metrics, and resizes it with
/// an UPDATE operation whose removed workers go through graceful decommission.
extension SimulatedCluster: ScalableCluster {
    /// The cluster's state, its worker groups' `numInstances` with a primary worker's
    /// NodeManager memory, and its YARN metrics now.
    ///
    /// - Throws: `ClusterError.deleted` once the cluster has been deleted.
    public func observe() throws -> ClusterObservation {
        if isDeleted { throw ClusterError.deleted(cluster: clusterName) }
        return ClusterObservation(
            state: state,
            shape: ClusterShape(
                primaryWorkers: primaryWorkerCount, secondaryWorkers: secondaryWorkerCount,
                nodeManagerMemoryMB: nodeManagerMemoryMB
            ),
            metrics: yarnMetrics
        )
    }

    /// Resizes the worker groups as one UPDATE operation, removing workers by graceful
    /// decommission within `gracefulDecommissionTimeout`, and returns the operation's
    /// id once it is done.
    ///
    /// The cluster does not know its region, so the id stands for the operation's
    /// name (`projects/P/regions/R/operations/ID`). `requestID` is not kept: the
    /// autoscaler never repeats a request.
    ///
    /// - Throws: `ClusterError` when the update cannot start (the cluster is not
    ///   RUNNING, or was deleted); the operation's `OperationError` when it failed.
    public func resize(
        primaryWorkers: Int, secondaryWorkers: Int, gracefulDecommissionTimeout: Duration, requestID: String
    ) async throws -> String {
        let operation = try await resize(
            primaryWorkers: primaryWorkers, secondaryWorkers: secondaryWorkers,
            gracefulDecommissionTimeout: gracefulDecommissionTimeout
        )
        if let error = operation.error { throw error }
        return operation.id
    }
}
