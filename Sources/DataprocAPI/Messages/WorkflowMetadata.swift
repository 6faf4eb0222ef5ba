/// `WorkflowMetadata`.
struct WorkflowMetadata: Codable, Sendable, Hashable {
    var type = WorkflowMetadata.typeURL
    var state: WorkflowState
    var clusterName: String?
    var clusterUuid: String?
    var createCluster: ClusterOperationReference?
    var graph: WorkflowGraph?
    var deleteCluster: ClusterOperationReference?
    var startTime: String?
    var endTime: String?
    var dagStartTime: String?

    static let typeURL = "type.googleapis.com/google.cloud.dataproc.v1.WorkflowMetadata"

    enum CodingKeys: String, CodingKey {
        case type = "@type", state, clusterName, clusterUuid, createCluster, graph, deleteCluster, startTime, endTime, dagStartTime
    }

    /// Moves to `next` along `WorkflowState.canMove(to:)`; entering DONE sets `endTime` to `time`.
    ///
    /// - Throws: `IllegalTransition` when `next` cannot follow the current state; nothing changes then.
    mutating func move(to next: WorkflowState, at time: String) throws(IllegalTransition) {
        guard state.canMove(to: next) else {
            throw IllegalTransition("workflow of cluster \(clusterName ?? "")", from: state, to: next)
        }
        state = next
        if next == .done { endTime = time }
    }
}

/// `ClusterOperation` of a workflow: the create or delete of its managed cluster.
struct ClusterOperationReference: Codable, Sendable, Hashable {
    var operationId: String
    var done: Bool?
    var error: String?
}

/// `WorkflowGraph`.
struct WorkflowGraph: Codable, Sendable, Hashable {
    var nodes: [WorkflowNode]
}

/// `WorkflowNode`: BLOCKED, RUNNABLE, RUNNING, COMPLETED or FAILED.
struct WorkflowNode: Codable, Sendable, Hashable {
    var stepId: String
    var prerequisiteStepIds: [String]?
    var jobId: String?
    var state: WorkflowNodeState
    var error: String?

    /// Moves to `next` along `WorkflowNodeState.canMove(to:)`, with `error` when it failed.
    ///
    /// - Throws: `IllegalTransition` when `next` cannot follow the current state; nothing changes then.
    mutating func move(to next: WorkflowNodeState, error: String? = nil) throws(IllegalTransition) {
        guard state.canMove(to: next) else { throw IllegalTransition("workflow step \(stepId)", from: state, to: next) }
        state = next
        if let error { self.error = error }
    }
}
