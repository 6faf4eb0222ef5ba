import Cluster
import Foundation
import Persistence

extension DataprocService {
    // MARK: - Recording

    /// Records a RUNNING operation of a cluster that has no runtime to run it
    /// (its CREATE, the DELETE of a cluster that never came up), and returns its id.
    func beginClusterOperation(_ entry: ClusterEntry, type: OperationType, description: String, requestId: String? = nil) -> String {
        let operation = ClusterOperation.started(
            clusterName: entry.key.id, clusterUuid: entry.uuid, operationType: type, description: description, at: now)
        record(operation, of: entry.key, labels: entry.labels, requestId: requestId)
        return operation.id
    }

    /// Records an operation as its runtime (or ``beginClusterOperation(_:type:description:requestId:)``)
    /// reports it: a new one is listed, a known one moves on; when done it
    /// answers with `response` (nil: `Empty`). Persists it and wakes whoever waits.
    func record(
        _ operation: ClusterOperation, of clusterKey: ResourceKey, labels: [String: String]? = nil,
        requestId: String? = nil, response: JSONValue? = nil
    ) {
        let metadata = ClusterOperationMetadata(
            operation, labels: (labels ?? clusters[clusterKey]?.labels ?? [:])
                .merging(["goog-dataproc-operation-type": operation.operationType.rawValue.lowercased()]) { _, new in new })
        var entry = operations[operation.id] ?? OperationEntry(
            key: clusterKey.sibling(operation.id),
            message: OperationMessage(name: clusterKey.sibling(operation.id).name("operations"), metadata: .cluster(metadata)),
            createTime: operation.statusHistory.first?.stateStartTime ?? operation.status.stateStartTime, requestId: requestId)
        if operations[operation.id] == nil { operationOrder.append(operation.id) }
        if case let .cluster(known) = entry.message.metadata {
            var updated = metadata
            updated.labels = known.labels
            entry.message.metadata = .cluster(updated)
        }
        if let requestId { entry.requestId = requestId }
        if operation.done {
            entry.message.done = true
            entry.message.error = operation.error.map { RPCStatusMessage(code: Int($0.code), message: $0.message) }
            entry.message.response = entry.message.error != nil ? nil : (response ?? EmptyResponse.value)
        }
        operations[operation.id] = entry
        persist([.saveOperation(stored(entry))])
        noteChange()
    }

    /// Ends an operation the service itself runs (a workflow's, or one of a
    /// cluster without a runtime) with `error`, or with `response`.
    func finishOperation(_ id: String, response: JSONValue? = nil, error: RPCStatusMessage? = nil) {
        guard var entry = operations[id], !entry.done else { return }
        if case var .cluster(metadata) = entry.message.metadata {
            do {
                try metadata.finish(details: error?.message, at: now.description)
                entry.message.metadata = .cluster(metadata)
            } catch {
                // `done` is still set below: the operation has ended, whatever its metadata says.
                log(error, ["operation.id": "\(id)", "cluster.name": "\(metadata.clusterName)"])
            }
        }
        entry.message.done = true
        entry.message.error = error
        entry.message.response = error == nil ? (response ?? EmptyResponse.value) : nil
        operations[id] = entry
        persist([.saveOperation(stored(entry))])
        noteChange()
    }

    func stored(_ entry: OperationEntry) -> StoredOperation {
        StoredOperation(
            id: entry.key.id, projectId: entry.key.project, region: entry.key.region,
            clusterName: entry.message.metadata.clusterName, done: entry.done, createTime: entry.createTime.description,
            document: document(entry.message, of: "operation", id: entry.key.id))
    }

    /// The operation of the cluster that has not finished yet, if any.
    func activeOperation(of entry: ClusterEntry) -> OperationEntry? {
        operationOrder.lazy.reversed().compactMap { self.operations[$0] }.first { operation in
            guard !operation.done, case let .cluster(metadata) = operation.message.metadata else { return false }
            return metadata.clusterUuid == entry.uuid
        }
    }

    /// Waits until operation `id` is done.
    func waitUntilDone(_ id: String) async {
        while operations[id].map({ !$0.done }) == true { await waitForChange(since: changeCount) }
    }

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
                let activity = StateMatcher(isActive: !entry.done).rawValue
                return filter.matches { field in
                    let metadata = entry.message.metadata
                    switch (field, metadata) {
                    case ("status.state", .cluster(let cluster)): return [cluster.status.state.rawValue, activity]
                    case ("status.state", .workflow(let workflow)): return [workflow.state.rawValue, activity]
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
        let parsed: JSONValue
        do {
            parsed = try JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8))
        } catch {
            throw .invalidArgument(
                "filter \(text) is not valid JSON (\(WireJSON.describe(error).message)); "
                    + "send an object such as {\"operation_state_matcher\":\"ACTIVE\"}", field: "filter")
        }
        guard let object = parsed.objectValue else {
            throw .invalidArgument("filter \(text) is not a JSON object", field: "filter")
        }
        var terms: [ListFilter.Term] = []
        for (name, value) in object {
            guard let text = value.textValue else { continue }
            switch UpdateMask.camelCase(name) {
            case "operationStateMatcher":
                guard let matcher = StateMatcher(wire: text) else {
                    throw .invalidArgument("operation_state_matcher \(text) must be ALL, ACTIVE or NON_ACTIVE", field: "filter")
                }
                if matcher != .all { terms.append(.init(field: "status.state", value: matcher.rawValue)) }
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
        if case .workflow = entry.message.metadata {
            operations[key.id]?.cancelRequested = true
            noteChange()
        }
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
