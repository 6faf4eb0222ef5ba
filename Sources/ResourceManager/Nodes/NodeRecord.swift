/// What the resource manager keeps per node slot.
struct NodeRecord: Sendable {
    /// The node's sequence; 0 marks a free slot.
    var sequence: Int
    var name: String
    var role: NodeRole
    var state: NodeState
    var capacity: Resources
    var allocated: Resources
    var containerCount: Int
    /// Head of the node's intrusive list of container slots; -1 when empty.
    var firstContainer: Int32

    static let free = NodeRecord(
        sequence: 0, name: "", role: .primary, state: .lost, capacity: .zero,
        allocated: .zero, containerCount: 0, firstContainer: -1
    )

    var isFree: Bool { sequence == 0 }
}
