/// Identifies one container allocation.
///
/// The `sequence` is unique for the lifetime of one `ResourceManagerState` and
/// counts allocations in the order they were made (YARN's
/// `container_…_000042`). The slot is where the resource manager keeps it, so
/// a lookup costs no hashing; a stale identifier (a released container whose
/// slot was reused) is reported as unknown.
public struct ContainerID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The resource manager's storage slot.
    let slot: Int32
    /// The 1-based allocation order.
    public let sequence: Int

    /// Orders by allocation.
    public static func < (lhs: ContainerID, rhs: ContainerID) -> Bool { lhs.sequence < rhs.sequence }

    /// `container#42`.
    public var description: String { "container#\(sequence)" }
}
