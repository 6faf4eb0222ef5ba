/// One status entry of a stored cluster, operation or job: a state name, an
/// optional detail and when it was entered (RFC 3339).
public struct StoredStatus: Sendable, Hashable, Codable {
    /// The state's name (`RUNNING`, `DONE`, …).
    public var state: String
    /// More about it, if anything.
    public var detail: String?
    /// When the state was entered, RFC 3339 in UTC.
    public var stateStartTime: String

    /// A status entry.
    public init(state: String, detail: String? = nil, stateStartTime: String) {
        self.state = state
        self.detail = detail
        self.stateStartTime = stateStartTime
    }
}
