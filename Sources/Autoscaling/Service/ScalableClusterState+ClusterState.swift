import Cluster

extension ScalableClusterState {
    /// The autoscaler's view of a cluster runtime's state: the same Dataproc state.
    public init(_ state: ClusterState) {
        switch state {
        case .creating: self = .creating
        case .running: self = .running
        case .updating: self = .updating
        case .stopping: self = .stopping
        case .stopped: self = .stopped
        case .starting: self = .starting
        case .deleting: self = .deleting
        case .error: self = .error
        }
    }
}
