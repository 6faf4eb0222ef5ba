import Foundation
import Persistence

extension DataprocService {
    /// The message of operation `id`, which the caller has just recorded.
    func operationMessage(_ id: String) throws(APIError) -> OperationMessage {
        guard let operation = operations[id] else {
            throw APIError(code: .internal, message: "operation \(id) was dropped before it could be returned; list the operations")
        }
        return operation.message
    }

    func operation(_ key: ResourceKey) throws(APIError) -> OperationEntry {
        guard let entry = operations[key.id], entry.key.project == key.project, entry.key.region == key.region else {
            throw .notFound("Operation", key.name("operations"))
        }
        return entry
    }

    /// `GET /operations/{id}`.
    func getOperation(_ key: ResourceKey) throws(APIError) -> OperationMessage { try operation(key).message }

    /// `GET /operations`: `filter` is gcloud's JSON form (`{"operation_state_matcher":"ACTIVE","cluster_name":"c1"}`)
    /// or an expression over `status.state`, `clusterName`, `operationType` and `labels.KEY`.
    func listOperations(project: String, region: String, filter text: String?, pageSize: Int?, pageToken: String?) throws(APIError) -> ListOperationsResponse {
        let filter = try Self.operationFilter(text ?? "")
        let messages = operationOrder.compactMap { operations[$0] }
            .filter { $0.key.project == project && $0.key.region == region }
            .filter { entry in
                filter.matches { field in
                    let metadata = entry.message.metadata
                    switch (field, metadata) {
                    case ("status.state", .cluster(let cluster)): return [cluster.status.state, entry.done ? "NON_ACTIVE" : "ACTIVE"]
                    case ("status.state", .workflow(let workflow)): return [workflow.state, entry.done ? "NON_ACTIVE" : "ACTIVE"]
                    case ("clusterName", _): return [metadata.clusterName]
                    case ("operationType", .cluster(let cluster)): return [cluster.operationType]
                    case ("operationType", .workflow): return ["WORKFLOW"]
                    case (_, .cluster(let cluster)): return cluster.labels?[String(field.dropFirst("labels.".count))].map { [$0] } ?? []
                    default: return []
                    }
                }
            }
            .map(\.message)
        let page = try PageToken.page(messages, size: pageSize, token: pageToken)
        return ListOperationsResponse(operations: page.items.isEmpty ? nil : page.items, nextPageToken: page.next)
    }

    static func operationFilter(_ text: String) throws(APIError) -> ListFilter {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{") else {
            let filter = try ListFilter(parsing: trimmed)
            try filter.check(known: ["status.state", "clusterName", "operationType"], resource: "operations")
            return filter
        }
        guard let object = (try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)))?.objectValue else {
            throw .invalidArgument("filter \(text) is not a JSON object", field: "filter")
        }
        var terms: [ListFilter.Term] = []
        for (name, value) in object {
            guard let text = value.textValue else { continue }
            switch UpdateMask.camelCase(name) {
            case "operationStateMatcher":
                switch text {
                case "ACTIVE", "1": terms.append(.init(field: "status.state", value: "ACTIVE"))
                case "NON_ACTIVE", "2": terms.append(.init(field: "status.state", value: "NON_ACTIVE"))
                case "ALL", "0": break
                default: throw .invalidArgument("operation_state_matcher \(text) must be ALL, ACTIVE or NON_ACTIVE", field: "filter")
                }
            case "clusterName": terms.append(.init(field: "clusterName", value: text))
            default: throw .invalidArgument("filter key \(name) is not supported; use operation_state_matcher and cluster_name", field: "filter")
            }
        }
        return ListFilter(terms: terms)
    }

    /// `POST /operations/{id}:cancel`: a workflow stops (its jobs are cancelled and
    /// its cluster deleted); cluster operations finish too quickly to be cancelled.
    func cancelOperation(_ key: ResourceKey) throws(APIError) {
        let entry = try operation(key)
        guard !entry.done else {
            throw .failedPrecondition("Operation \(key.name("operations")) is already done and cannot be cancelled")
        }
        if case .workflow = entry.message.metadata { operations[key.id]?.cancelRequested = true }
    }

    /// `DELETE /operations/{id}`: forgets a finished operation.
    func deleteOperation(_ key: ResourceKey) throws(APIError) {
        let entry = try operation(key)
        guard entry.done else {
            throw .failedPrecondition("Operation \(key.name("operations")) is still running; cancel it or wait until it is done")
        }
        operations[key.id] = nil
        operationOrder.removeAll { $0 == key.id }
        persist([.deleteOperation(id: key.id)])
    }
}
