/// What became of a scaling decision.
public enum ScalingOutcome: Sendable, Hashable, Codable {
    /// The decision kept the cluster as it was; nothing was applied.
    case noChange
    /// An update operation carrying the decision is running.
    case inProgress(operationName: String)
    /// The update operation finished and the cluster has the target sizes.
    case succeeded(operationName: String)
    /// The update could not be applied; `message` says why (the operation's error, or
    /// why no operation could be started).
    case failed(operationName: String?, message: String)
}
