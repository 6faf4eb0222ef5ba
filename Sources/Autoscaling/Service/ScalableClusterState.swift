/// A cluster's state as the autoscaler needs to know it, with Dataproc's names.
///
/// The autoscaler evaluates only in ``running``; in every other state it skips the
/// evaluation and says why. A cluster runtime maps its own state onto this enum.
public enum ScalableClusterState: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Being created.
    case creating = "CREATING"
    /// Running and accepting updates: the only state in which the autoscaler evaluates.
    case running = "RUNNING"
    /// An update operation (a resize) is in progress.
    case updating = "UPDATING"
    /// Being stopped.
    case stopping = "STOPPING"
    /// Stopped.
    case stopped = "STOPPED"
    /// Being started after a stop.
    case starting = "STARTING"
    /// Being deleted.
    case deleting = "DELETING"
    /// Failed.
    case error = "ERROR"

    /// Dataproc's spelling, e.g. `RUNNING`.
    public var description: String { rawValue }
}
