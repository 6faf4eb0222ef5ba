/// One entry of an operation's status (`ClusterOperationStatus`).
public struct OperationStatus: Sendable, Hashable {
    /// The state.
    public var state: OperationState
    /// The same as `state` (`innerState` on the wire).
    public var innerState: String
    /// More about the state, when there is any.
    public var details: String?
    /// When the state was entered.
    public var stateStartTime: GoogleTimestamp

    /// A status.
    public init(state: OperationState, details: String? = nil, stateStartTime: GoogleTimestamp) {
        self.state = state
        self.innerState = state.rawValue
        self.details = details
        self.stateStartTime = stateStartTime
    }
}
