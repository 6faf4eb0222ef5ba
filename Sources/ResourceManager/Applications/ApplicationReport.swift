/// An application as seen from outside.
public struct ApplicationReport: Hashable, Sendable {
    /// The application's identifier.
    public var id: ApplicationID
    /// The name it was submitted with.
    public var name: String
    /// The queue it was submitted to; a label only, since every application
    /// shares the one FIFO queue.
    public var queue: String
    /// Its state.
    public var state: ApplicationState
    /// Held by its containers.
    public var allocated: Resources
    /// How many containers it holds.
    public var containerCount: Int
    /// Asked for and not yet placed.
    public var pending: Resources
    /// How many containers it waits for.
    public var pendingContainers: Int
}
