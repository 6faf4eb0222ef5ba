/// What the autoscaler needs from a cluster: a reading, and a way to resize it.
///
/// The narrow contract between ``AutoscalerService`` and a cluster runtime; a
/// runtime conforms, and the service never sees anything else of it.
///
/// - ``observe()`` returns the cluster's state, its configured worker counts with one
///   worker's NodeManager memory, and its YARN metrics. It is called once per
///   sampling interval and should be cheap.
/// - ``resize(primaryWorkers:secondaryWorkers:gracefulDecommissionTimeout:requestID:)``
///   applies a resize as one Dataproc UPDATE operation — new workers are provisioned,
///   removed ones go through YARN graceful decommission, killed containers are
///   retried by their jobs — and returns the operation's name **once the operation has
///   ended**. It throws when the update cannot start (the cluster is not `RUNNING`) or
///   fails; the error's description is recorded in the history. The service counts
///   the cooldown from the moment this returns or throws.
public protocol ScalableCluster: Sendable {
    /// The cluster's state, shape and YARN metrics now.
    func observe() async throws -> ClusterObservation

    /// Resizes the cluster as one UPDATE operation and returns its name when it has ended.
    ///
    /// - Parameters:
    ///   - primaryWorkers: `config.workerConfig.numInstances` to set.
    ///   - secondaryWorkers: `config.secondaryWorkerConfig.numInstances` to set.
    ///   - gracefulDecommissionTimeout: How long removed workers may drain before
    ///     their containers are killed.
    ///   - requestID: An id unique to this resize, usable as the UPDATE's `requestId`.
    func resize(
        primaryWorkers: Int, secondaryWorkers: Int, gracefulDecommissionTimeout: Duration, requestID: String
    ) async throws -> String
}
