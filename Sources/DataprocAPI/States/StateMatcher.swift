/// Which jobs or operations a list returns by state: `jobStateMatcher` of
/// `GET /jobs`, `operation_state_matcher` of `GET /operations`' JSON filter,
/// and the `ACTIVE` / `NON_ACTIVE` values of `status.state` in a filter.
enum StateMatcher: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Every state.
    case all = "ALL"
    /// The states that can still change.
    case active = "ACTIVE"
    /// The final states.
    case nonActive = "NON_ACTIVE"

    /// `ACTIVE`.
    var description: String { rawValue }

    /// The enum's number, as the Python client sends it (`jobStateMatcher=1`).
    var number: Int {
        switch self {
        case .all: 0
        case .active: 1
        case .nonActive: 2
        }
    }

    /// The matcher named `text`, by its name or by its number; nil for anything else.
    init?(wire text: String) {
        guard let matcher = Self.allCases.first(where: { $0.rawValue == text || String($0.number) == text }) else { return nil }
        self = matcher
    }

    /// The matcher a resource that is active (or not) falls under: `ACTIVE` or `NON_ACTIVE`.
    init(isActive: Bool) { self = isActive ? .active : .nonActive }

    /// Whether a resource that is active (or not) is listed.
    func admits(isActive: Bool) -> Bool {
        switch self {
        case .all: true
        case .active: isActive
        case .nonActive: !isActive
        }
    }
}
