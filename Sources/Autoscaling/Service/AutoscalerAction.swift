/// What the autoscaler asks its owner to do after an event.
public enum AutoscalerAction: Sendable, Hashable {
    /// Start an UPDATE operation that resizes the cluster, then report its end with
    /// ``Autoscaler/onResizeFinished(requestID:operationName:error:at:)``.
    case resize(ResizeRequest)
    /// An evaluation was due but the cluster is not `RUNNING`; nothing to do but log
    /// it. The evaluation runs at the first sample that finds the cluster `RUNNING`.
    case skip(AutoscalerSkip)
}
