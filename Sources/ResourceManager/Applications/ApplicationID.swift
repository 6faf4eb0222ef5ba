/// Identifies one application for as long as the resource manager knows it.
///
/// Like `NodeID`, a `slot` plus a `sequence` that is unique for the lifetime of
/// one `ResourceManagerState`; the sequence is the application's submission
/// order, the number YARN prints in `application_<timestamp>_0001`.
public struct ApplicationID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The application's place in the tables.
    public let slot: Int
    /// The 1-based submission order.
    public let sequence: Int

    /// Orders by submission.
    public static func < (lhs: ApplicationID, rhs: ApplicationID) -> Bool { lhs.sequence < rhs.sequence }

    /// `app#3`.
    public var description: String { "app#\(sequence)" }
}
