/// What a long-running cluster operation does (`ClusterOperationMetadata.operationType`).
public enum OperationType: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Creates the cluster.
    case create = "CREATE"
    /// Resizes it.
    case update = "UPDATE"
    /// Deletes it.
    case delete = "DELETE"
    /// Stops its VMs.
    case stop = "STOP"
    /// Starts them again.
    case start = "START"

    /// `CREATE`.
    public var description: String { rawValue }
}
