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

    /// An operation RUNNING from `time`, PENDING before it: what a cluster
    /// records as it starts acting on a request.
    public static func started(
        id: String = UUID().uuidString.lowercased(), clusterName: String, clusterUuid: String,
        operationType: OperationType, description: String, at time: GoogleTimestamp
    ) -> ClusterOperation {
        var operation = ClusterOperation(
            id: id, clusterName: clusterName, clusterUuid: clusterUuid,
            operationType: operationType, description: description, at: time
        )
        do {
            try operation.markRunning(at: time)
        } catch {
            preconditionFailure("operation \(id) is PENDING when made, so it can start: \(error)")
        }
        return operation
    }

    /// Whether it has finished.
    public var done: Bool { status.state == .done }

    /// Moves PENDING → RUNNING.
    ///
    /// - Throws: `ClusterError.illegalOperationTransition` in any other state; nothing changes then.
    public mutating func markRunning(at time: GoogleTimestamp) throws(ClusterError) {
        try move(to: .running)
        status = OperationStatus(state: .running, stateStartTime: time)
    }

    /// Moves to DONE (through RUNNING when still PENDING), with `error` when it failed.
    ///
    /// - Throws: `ClusterError.illegalOperationTransition` once done; nothing changes then.
    mutating func finish(error: OperationError? = nil, at time: GoogleTimestamp) throws(ClusterError) {
        if status.state == .pending { try markRunning(at: time) }
        try move(to: .done)
        status = OperationStatus(state: .done, details: error?.message, stateStartTime: time)
        self.error = error
    }

    /// Checks `OperationState.canMove(to:)` and keeps the current status in the history.
    private mutating func move(to next: OperationState) throws(ClusterError) {
        guard status.state.canMove(to: next) else {
            throw .illegalOperationTransition(operation: id, from: status.state, to: next)
        }
        statusHistory.append(status)
    }
}
