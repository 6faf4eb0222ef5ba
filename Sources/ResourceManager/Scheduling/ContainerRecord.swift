/// What the resource manager keeps per container slot.
///
/// Each live container sits on two intrusive doubly linked lists, its node's
/// and its application's, so losing a node or ending an application finds its
/// containers without a search, and releasing one unlinks it in O(1) without
/// hashing. Links are slot numbers, -1 for none.
struct ContainerRecord: Sendable {
    /// The container's sequence; 0 marks a free slot.
    var sequence: Int
    var requestSequence: Int
    var resources: Resources
    var nodeSlot: Int32
    var applicationSlot: Int32
    var previousOnNode: Int32
    var nextOnNode: Int32
    var previousOfApplication: Int32
    var nextOfApplication: Int32

    static let free = ContainerRecord(
        sequence: 0, requestSequence: 0, resources: .zero, nodeSlot: -1, applicationSlot: -1,
        previousOnNode: -1, nextOnNode: -1, previousOfApplication: -1, nextOfApplication: -1
    )
}
