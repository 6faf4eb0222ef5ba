/// One entry of the FIFO queue: the containers of a request not yet placed.
struct PendingRequest: Sendable {
    var requestSequence: Int
    var applicationSlot: Int
    /// Tells a live application from a later one in a reused slot.
    var applicationSequence: Int
    var resources: Resources
    var remaining: Int
}
