/// Identifies one node for as long as the resource manager knows it.
///
/// The `slot` is the node's place in the resource manager's tables, and the
/// order that placement uses to break ties. A slot freed by a removed node is
/// reused by a later node, so the `sequence` (unique for the lifetime of one
/// `ResourceManagerState`) tells an old identifier from a new node in the same
/// slot: a stale identifier is reported as an unknown node, never mistaken for
/// its successor.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The node's place in the tables; placement breaks ties by lowest slot.
    public let slot: Int
    /// The 1-based order in which the node was added.
    public let sequence: Int

    /// Orders by slot, the order in which placement considers nodes.
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        (lhs.slot, lhs.sequence) < (rhs.slot, rhs.sequence)
    }

    /// `node#7@2`: sequence 7 in slot 2.
    public var description: String { "node#\(sequence)@\(slot)" }
}
