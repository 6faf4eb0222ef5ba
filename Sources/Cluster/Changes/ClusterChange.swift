/// A change of a cluster, as its runtime publishes it to every subscriber of
/// ``SimulatedCluster/changes()``: whoever caused it — a user's call, the
/// autoscaler, a lifecycle TTL, a fault — the change is published the same way.
///
/// Subscribers (persistence, the API, a console) read the cluster's state when
/// they hear of a change; nobody polls.
public enum ClusterChange: Sendable, Hashable {
    /// The cluster moved to a new status.
    case status(ClusterStatus)
    /// An operation started, moved or finished.
    case operation(ClusterOperation)
    /// A job moved to a new status.
    case job(id: String, status: JobStatus)
    /// Nodes joined, left, were lost or replaced; worker counts may have changed.
    case nodes
    /// The cluster's configuration changed (lifecycle TTLs, autoscaling policy).
    case config
    /// The cluster is gone; the stream ends after this.
    case deleted
}
