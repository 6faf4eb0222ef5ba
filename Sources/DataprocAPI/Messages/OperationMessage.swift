import Cluster

/// The `google.longrunning.Operation` message: `done` is omitted while it runs;
/// when done, exactly one of `error` and `response` is set.
struct OperationMessage: Codable, Sendable, Hashable {
    var name: String
    var metadata: OperationMetadata
    var done: Bool?
    var error: RPCStatusMessage?
    var response: JSONValue?
}

/// `google.rpc.Status` of a failed operation.
struct RPCStatusMessage: Codable, Sendable, Hashable {
    var code: Int
    var message: String
    var details: [JSONValue]? = []
}

/// An operation's metadata: a cluster operation's or a workflow's.
enum OperationMetadata: Codable, Sendable, Hashable {
    case cluster(ClusterOperationMetadata)
    case workflow(WorkflowMetadata)

    private enum TypeKey: String, CodingKey { case type = "@type" }

    init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decodeIfPresent(String.self, forKey: .type)
        if type == WorkflowMetadata.typeURL {
            self = .workflow(try WorkflowMetadata(from: decoder))
        } else {
            self = .cluster(try ClusterOperationMetadata(from: decoder))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case let .cluster(metadata): try metadata.encode(to: encoder)
        case let .workflow(metadata): try metadata.encode(to: encoder)
        }
    }

    var clusterName: String {
        switch self {
        case let .cluster(metadata): metadata.clusterName
        case let .workflow(metadata): metadata.clusterName ?? ""
        }
    }
}

/// `ClusterOperationStatus`.
struct OperationStatusMessage: Codable, Sendable, Hashable {
    var state: OperationState
    var innerState: String
    var details: String?
    var stateStartTime: String
}

/// `ClusterOperationMetadata`.
struct ClusterOperationMetadata: Codable, Sendable, Hashable {
    var type = ClusterOperationMetadata.typeURL
    var clusterName: String
    var clusterUuid: String
    var operationType: String
    var description: String
    var status: OperationStatusMessage
    var statusHistory: [OperationStatusMessage]?
    var warnings: [String]?
    var labels: [String: String]?

    static let typeURL = "type.googleapis.com/google.cloud.dataproc.v1.ClusterOperationMetadata"

    enum CodingKeys: String, CodingKey {
        case type = "@type", clusterName, clusterUuid, operationType, description, status, statusHistory, warnings, labels
    }

    /// Moves to `next` at `time` along `OperationState.canMove(to:)`, keeping
    /// the current status in the history.
    ///
    /// - Throws: `IllegalTransition` when `next` cannot follow the current state; nothing changes then.
    mutating func move(to next: OperationState, details: String? = nil, at time: String) throws(IllegalTransition) {
        guard status.state.canMove(to: next) else {
            throw IllegalTransition("operation of cluster \(clusterName)", from: status.state, to: next)
        }
        statusHistory = (statusHistory ?? []) + [status]
        status = OperationStatusMessage(state: next, innerState: next.rawValue, details: details, stateStartTime: time)
    }

    /// Moves to DONE at `time`, through RUNNING when it is still PENDING, as the runtime's operations do.
    ///
    /// - Throws: `IllegalTransition` when it is DONE already.
    mutating func finish(details: String?, at time: String) throws(IllegalTransition) {
        if status.state == .pending { try move(to: .running, at: time) }
        try move(to: .done, details: details, at: time)
    }
}

/// `google.protobuf.Empty` as an operation's response.
enum EmptyResponse {
    static let value = JSONValue.object(["@type": .string("type.googleapis.com/google.protobuf.Empty")])
}

extension ClusterOperationMetadata {
    /// The metadata of a runtime's operation, with the operation's `labels`.
    init(_ operation: ClusterOperation, labels: [String: String]) {
        func message(_ status: OperationStatus) -> OperationStatusMessage {
            OperationStatusMessage(
                state: status.state, innerState: status.innerState, details: status.details,
                stateStartTime: status.stateStartTime.description)
        }
        self.init(
            clusterName: operation.clusterName, clusterUuid: operation.clusterUuid,
            operationType: operation.operationType.rawValue, description: operation.description,
            status: message(operation.status),
            statusHistory: operation.statusHistory.isEmpty ? nil : operation.statusHistory.map(message),
            warnings: operation.warnings.isEmpty ? nil : operation.warnings, labels: labels)
    }
}
