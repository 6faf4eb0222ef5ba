/// A resize the autoscaler asks its owner to apply as one Dataproc UPDATE operation.
///
/// The owner sets `config.workerConfig.numInstances` to ``primaryWorkers`` and
/// `config.secondaryWorkerConfig.numInstances` to ``secondaryWorkers``, removing
/// workers with YARN graceful decommission bounded by ``gracefulDecommissionTimeout``,
/// then reports the end of the operation with
/// ``Autoscaler/onResizeFinished(requestID:operationName:error:at:)``.
public struct ResizeRequest: Sendable, Hashable, Codable {
    /// Identifies the request to the autoscaler; also usable as the UPDATE's `requestId`.
    public var requestID: String
    /// Primary workers the cluster should have.
    public var primaryWorkers: Int
    /// Secondary workers the cluster should have.
    public var secondaryWorkers: Int
    /// How long a removed worker may finish its containers before they are killed:
    /// the policy's `basicAlgorithm.yarnConfig.gracefulDecommissionTimeout`.
    public var gracefulDecommissionTimeout: Duration
    /// The decision that asked for the resize.
    public var decision: ScalingDecision

    /// A request from its parts.
    public init(
        requestID: String, primaryWorkers: Int, secondaryWorkers: Int,
        gracefulDecommissionTimeout: Duration, decision: ScalingDecision
    ) {
        self.requestID = requestID
        self.primaryWorkers = primaryWorkers
        self.secondaryWorkers = secondaryWorkers
        self.gracefulDecommissionTimeout = gracefulDecommissionTimeout
        self.decision = decision
    }
}
