/// The store could not be opened, read or written; names the file and what was being done.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The database file.
    public var path: String
    /// What was being done (`open`, `load`, `write`).
    public var action: String
    /// What SQLite or the decoder said.
    public var reason: String

    /// An error.
    public init(path: String, action: String, reason: String) {
        self.path = path
        self.action = action
        self.reason = reason
    }

    public var description: String {
        "could not \(action) the state database \(path): \(reason); check that the data directory is writable and not used by another server, or move the file away to start empty"
    }
}
