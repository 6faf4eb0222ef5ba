import Cluster
import Foundation
import Persistence

extension DataprocService {
    static let restartDetail = "Job failed: the server restarted while the job was running; submit it again"

    /// Loads the store: policies and operations as they were, clusters
    /// provisioned again under their UUIDs, jobs kept — those that were active
    /// end in ERROR, as the process that ran them is gone.
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
            guard var message = try? JSONDecoder().decode(OperationMessage.self, from: record.document) else {
                logger.warning("skipping an unreadable stored operation", metadata: ["operation.id": "\(record.id)"])
                continue
            }
            let key = ResourceKey(project: record.projectId, region: record.region, id: record.id)
            if message.done != true {
                message.done = true
                message.response = nil
                message.error = RPCStatusMessage(code: 10, message: "The server restarted before the operation finished; check the cluster's state")
                if case var .cluster(metadata) = message.metadata {
                    metadata.move(to: "DONE", details: message.error?.message, at: now.description)
                    message.metadata = .cluster(metadata)
                } else if case var .workflow(metadata) = message.metadata {
                    metadata.state = "DONE"
                    metadata.endTime = now.description
                    message.metadata = .workflow(metadata)
                }
            }
            let entry = OperationEntry(
                key: key, message: message, createTime: GoogleTimestamp(parsing: record.createTime) ?? now)
            operations[record.id] = entry
            operationOrder.append(record.id)
            changes.append(.saveOperation(stored(entry)))
        }
        for record in contents.scalingHistories { restoredHistories[record.clusterUuid] = record.entries }
        for record in contents.clusters {
            await restoreCluster(record)
        }
        for record in contents.jobs {
            guard var message = try? JSONDecoder().decode(JobMessage.self, from: record.document) else {
                logger.warning("skipping an unreadable stored job", metadata: ["job.id": "\(record.jobId)"])
                continue
            }
            let key = ResourceKey(project: record.projectId, region: record.region, id: record.jobId)
            if let status = message.status, !Self.finalJobStates.contains(status.state) {
                message.statusHistory = (message.statusHistory ?? []) + [status]
                message.status = JobStatusMessage(state: "ERROR", details: Self.restartDetail, stateStartTime: now.description)
                message.done = true
                message.yarnApplications = message.yarnApplications?.map { application in
                    var ended = application
                    if !["FINISHED", "FAILED", "KILLED"].contains(ended.state) { ended.state = "KILLED" }
                    return ended
                }
                if let uri = message.driverOutputResourceUri, uri.hasPrefix("gs://"), let path = try? storage.localPath(ofURI: uri) {
                    ObjectSeriesWriter.closeIfOpen(basePath: path)
                }
            }
            var entry = JobEntry(
                key: key, message: message, runtime: nil, requestId: record.requestId,
                createTime: GoogleTimestamp(parsing: record.createTime) ?? now)
            entry.lastSavedState = entry.state
            jobs[key] = entry
            jobOrder.append(key)
            changes.append(.saveJob(stored(entry)))
        }
        persist(changes)
    }

    private func restoreCluster(_ record: StoredCluster) async {
        let key = ResourceKey(project: record.projectId, region: record.region, id: record.clusterName)
        func status(_ stored: StoredStatus) -> ClusterStatus {
            ClusterStatus(
                state: ClusterState(rawValue: stored.state) ?? .error, detail: stored.detail,
                stateStartTime: GoogleTimestamp(parsing: stored.stateStartTime) ?? now)
        }
        var current = status(record.status)
        var history = record.statusHistory.map(status)
        var entry = ClusterEntry(
            key: key, uuid: record.clusterUuid, spec: record.spec, labels: record.labels,
            createTime: GoogleTimestamp(parsing: record.createTime) ?? now, runtime: nil, status: current, history: history)
        switch current.state {
        case .deleting:
            // The delete was under way: finish it.
            clusters[key] = entry
            await forgetCluster(key)
            return
        case .error:
            clusters[key] = entry
            saveCluster(entry, view: nil)
            return
        case .stopped, .stopping:
            if current.state == .stopping {
                history.append(current)
                current = ClusterStatus(state: .stopped, stateStartTime: now)
            }
        case .running:
            break
        case .creating, .updating, .starting:
            history.append(current)
            current = ClusterStatus(state: .running, stateStartTime: now)
        }
        var spec = record.spec
        let idleStart = spec.config?.lifecycleConfig?.idleStartTime
        spec.config?.lifecycleConfig?.idleStartTime = nil
        do {
            entry.runtime = try await SimulatedCluster.restore(
                spec: spec, clusterUuid: record.clusterUuid, status: current, statusHistory: history,
                createTime: GoogleTimestamp(parsing: record.createTime), idleSince: idleStart,
                clock: clock, options: clusterOptions(uuid: record.clusterUuid))
        } catch {
            history.append(current)
            entry.status = ClusterStatus(state: .error, detail: "could not be provisioned again after a restart: \(error)", stateStartTime: now)
            entry.history = history
        }
        clusters[key] = entry
        if let runtime = entry.runtime {
            await watch(key, runtime: runtime)
            await followPolicy(key)
        }
        await saveCluster(key)
    }
}
