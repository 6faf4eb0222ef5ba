import Foundation

/// A long-running cluster operation, as Dataproc's `Operation` with
/// `ClusterOperationMetadata` carries it: create, update, stop, start, delete.
///
/// States move PENDING → RUNNING → DONE; `done` is true in DONE, with `error`
/// set when the operation failed.
public struct ClusterOperation: Sendable, Hashable, Identifiable {
    /// A UUID4; the wire name is `projects/P/regions/R/operations/{id}`.
    public var id: String
    /// The cluster it acts on.
    public var clusterName: String
    /// That cluster's UUID.
    public var clusterUuid: String
    /// What it does.
    public var operationType: OperationType
    /// Dataproc's wording: "Create cluster with 2 workers", "Add 1 workers.", "Delete cluster".
    public var description: String
    /// The current status.
    public private(set) var status: OperationStatus
    /// Earlier statuses, oldest first.
    public private(set) var statusHistory: [OperationStatus] = []
    /// Warnings to show the user.
    public var warnings: [String] = []
    /// Set when the operation failed.
    public private(set) var error: OperationError?

    /// A PENDING operation.
    public init(id: String = UUID().uuidString.lowercased(), clusterName: String, clusterUuid: String,
                operationType: OperationType, description: String, at time: GoogleTimestamp) {
        self.id = id
        self.clusterName = clusterName
        self.clusterUuid = clusterUuid
        self.operationType = operationType
        self.description = description
        self.status = OperationStatus(state: .pending, stateStartTime: time)
    }

    /// Whether it has finished.
    public var done: Bool { status.state == .done }

    /// Moves PENDING → RUNNING; does nothing in any other state.
    public mutating func markRunning(at time: GoogleTimestamp) {
        guard status.state == .pending else { return }
        statusHistory.append(status)
        status = OperationStatus(state: .running, stateStartTime: time)
    }

    /// Moves to DONE, with `error` when it failed; does nothing once done.
    mutating func finish(error: OperationError? = nil, at time: GoogleTimestamp) {
        guard status.state != .done else { return }
        if status.state == .pending { markRunning(at: time) }
        statusHistory.append(status)
        status = OperationStatus(state: .done, details: error?.message, stateStartTime: time)
        self.error = error
    }
}
