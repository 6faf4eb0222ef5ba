import Cluster
import Foundation
import ResourceManager

/// An evaluation that was due and did not run, and why.
public struct AutoscalerSkip: Sendable, Hashable {
    /// When the evaluation was due to run, on the cluster clock.
    public var instant: ClusterInstant
    /// The same moment as a date, for people.
    public var time: Date
    /// The cluster's state at that moment.
    public var state: ClusterState
    /// One sentence for people, e.g. "skipped: the cluster is UPDATING, not RUNNING".
    public var reason: String

    /// A skip from its parts.
    public init(instant: ClusterInstant, time: Date, state: ClusterState, reason: String) {
        self.instant = instant
        self.time = time
        self.state = state
        self.reason = reason
    }
}
