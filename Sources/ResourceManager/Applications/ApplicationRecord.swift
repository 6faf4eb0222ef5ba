/// What the resource manager keeps per application slot.
struct ApplicationRecord: Sendable {
    /// The application's sequence; 0 marks a free slot.
    var sequence: Int
    var name: String
    var queue: String
    var state: ApplicationState
    var allocated: Resources
    var containerCount: Int
    /// Head of the application's intrusive list of container slots; -1 when empty.
    var firstContainer: Int32
    /// Resources and count of the containers it asked for and has not yet got.
    var pending: Resources
    var pendingContainers: Int

    static let free = ApplicationRecord(
        sequence: 0, name: "", queue: "", state: .killed, allocated: .zero, containerCount: 0,
        firstContainer: -1, pending: .zero, pendingContainers: 0
    )
}
