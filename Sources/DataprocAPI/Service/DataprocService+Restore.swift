import Cluster
import Foundation
import Logging
import Persistence
import ResourceManager

extension DataprocService {
    static let restartDetail = "Job failed: the server restarted while the job was running; submit it again"

    /// Loads the store: policies and operations as they were, clusters
    /// provisioned again under their UUIDs, jobs kept — those that were active
    /// end in ERROR, as the process that ran them is gone.
    ///
    /// A stored job or operation that cannot be read (a state this version
    /// does not know, a damaged document) is not dropped: it is logged and
    /// served as failed, with the reason in its error, and its stored record is
    /// left as it was until it is deleted. A cluster with an unknown state
    /// comes back in ERROR, saying so.
    func restore() async throws {
        let contents = try store.load()
        var changes: [StoreChange] = []
        for record in contents.policies {
            let key = ResourceKey(project: record.projectId, region: record.region, id: record.policyId)
            policies[key] = record.policy
            policyOrder.append(key)
            policyCreateTimes[key] = record.createTime
        }
        for record in contents.operations {
            if let change = restoreOperation(record) { changes.append(change) }
        }
        for record in contents.scalingHistories { restoredHistories[record.clusterUuid] = record.entries }
        for record in contents.clusters {
            await restoreCluster(record)
        }
        for record in contents.jobs {
            if let change = restoreJob(record) { changes.append(change) }
        }
        persist(changes)
    }

    // MARK: - Operations

    /// Takes a stored operation back, ending it when a restart interrupted it;
    /// returns the change that stores it so, or nil for one that could not be read.
    private func restoreOperation(_ record: StoredOperation) -> StoreChange? {
        let key = ResourceKey(project: record.projectId, region: record.region, id: record.id)
        let createTime = GoogleTimestamp(parsing: record.createTime) ?? now
        var message: OperationMessage
        do {
            message = try JSONDecoder().decode(OperationMessage.self, from: record.document)
        } catch {
            let reason = WireJSON.describe(error).message
            logger.error("a stored operation could not be read; it is served as failed", metadata: [
                "operation.id": "\(record.id)", "cluster.name": "\(record.clusterName)", "error": "\(reason)",
            ])
            let entry = OperationEntry(key: key, message: unreadableOperation(record, key: key, reason: reason), createTime: createTime)
            operations[record.id] = entry
            operationOrder.append(record.id)
            return nil
        }
        if message.done != true { interrupt(&message, id: record.id) }
        let entry = OperationEntry(key: key, message: message, createTime: createTime)
        operations[record.id] = entry
        operationOrder.append(record.id)
        return .saveOperation(stored(entry))
    }

    /// Ends an operation a restart interrupted: DONE, with an ABORTED error.
    private func interrupt(_ message: inout OperationMessage, id: String) {
        let error = RPCStatusMessage(
            code: APIError.Code.aborted.number, message: "The server restarted before the operation finished; check the cluster's state")
        message.done = true
        message.response = nil
        message.error = error
        let time = now.description
        do {
            switch message.metadata {
            case var .cluster(metadata):
                try metadata.finish(details: error.message, at: time)
                message.metadata = .cluster(metadata)
            case var .workflow(metadata):
                try metadata.move(to: .done, at: time)
                message.metadata = .workflow(metadata)
            }
        } catch {
            log(error, ["operation.id": "\(id)", "cluster.name": "\(message.metadata.clusterName)"])
        }
    }

    /// What is served for a stored operation that could not be read: DONE, with the reason as its INTERNAL error.
    private func unreadableOperation(_ record: StoredOperation, key: ResourceKey, reason: String) -> OperationMessage {
        let message = "The stored operation could not be read after a restart: \(reason); delete it"
        let status = OperationStatusMessage(
            state: .done, innerState: OperationState.done.rawValue, details: message, stateStartTime: now.description)
        let metadata = ClusterOperationMetadata(
            clusterName: record.clusterName, clusterUuid: "", operationType: "", description: "", status: status)
        return OperationMessage(
            name: key.name("operations"), metadata: .cluster(metadata), done: true,
            error: RPCStatusMessage(code: APIError.Code.internal.number, message: message))
    }

    // MARK: - Jobs

    /// Takes a stored job back, ending it in ERROR when a restart interrupted
    /// it; returns the change that stores it so, or nil for one that could not be read.
    private func restoreJob(_ record: StoredJob) -> StoreChange? {
        let key = ResourceKey(project: record.projectId, region: record.region, id: record.jobId)
        var message: JobMessage
        var readable = true
        do {
            message = try JSONDecoder().decode(JobMessage.self, from: record.document)
        } catch {
            let reason = WireJSON.describe(error).message
            logger.error("a stored job could not be read; it is served as failed", metadata: [
                "job.id": "\(record.jobId)", "cluster.name": "\(record.clusterName)", "job.state": "\(record.state)", "error": "\(reason)",
            ])
            message = unreadableJob(record, reason: reason)
            readable = false
        }
        if readable, record.jobState == nil {
            logger.warning("a stored job's state column names an unknown state; its document is used", metadata: [
                "job.id": "\(record.jobId)", "job.state": "\(record.state)", "document.state": "\(message.state)",
            ])
        }
        if message.isActive { interrupt(&message, key: key) }
        var entry = JobEntry(
            key: key, message: message, runtime: nil, requestId: record.requestId,
            createTime: GoogleTimestamp(parsing: record.createTime) ?? now)
        entry.lastSavedState = entry.state
        jobs[key] = entry
        jobOrder.append(key)
        return readable ? .saveJob(stored(entry)) : nil
    }

    /// Ends a job a restart interrupted: ERROR, its YARN applications KILLED, its driver output closed.
    private func interrupt(_ message: inout JobMessage, key: ResourceKey) {
        let metadata: Logger.Metadata = ["job.id": "\(key.id)", "cluster.name": "\(message.placement?.clusterName ?? "")"]
        do {
            try message.move(to: .error, details: Self.restartDetail, at: now.description)
        } catch {
            log(error, metadata)
        }
        message.yarnApplications = message.yarnApplications?.map { application in
            var ended = application
            guard !ended.state.isFinal else { return ended }
            guard ended.state.canMove(to: .killed) else {
                log(IllegalTransition("YARN application \(ended.name)", from: ended.state, to: ApplicationState.killed), metadata)
                return ended
            }
            ended.state = .killed
            return ended
        }
        guard let uri = message.driverOutputResourceUri, uri.hasPrefix("gs://") else { return }
        do {
            ObjectSeriesWriter.closeIfOpen(basePath: try storage.localPath(ofURI: uri), logger: logger)
        } catch {
            logger.warning("could not close the driver output of an interrupted job", metadata: metadata.merging([
                "uri": "\(uri)", "error": "\(error)",
            ]) { given, _ in given })
        }
    }

    /// What is served for a stored job that could not be read: ERROR, saying why.
    private func unreadableJob(_ record: StoredJob, reason: String) -> JobMessage {
        let details = "Job could not be restored after a restart: \(reason) (stored state \(record.state)); delete it"
        return JobMessage(
            reference: JobReference(projectId: record.projectId, jobId: record.jobId),
            placement: JobPlacement(clusterName: record.clusterName),
            status: JobStatusMessage(state: .error, details: details, stateStartTime: now.description),
            done: true)
    }
}
