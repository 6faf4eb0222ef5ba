import Cluster
import Foundation
import Persistence

extension DataprocService {
    /// Provisions a stored cluster again under its UUID, moving it on from
    /// the state a restart interrupted: a delete finishes, STOPPING becomes
    /// STOPPED, CREATING, UPDATING and STARTING become RUNNING.
    func restoreCluster(_ record: StoredCluster) async {
        let key = ResourceKey(project: record.projectId, region: record.region, id: record.clusterName)
        var entry = ClusterEntry(
            key: key, uuid: record.clusterUuid, spec: record.spec, labels: record.labels,
            createTime: GoogleTimestamp(parsing: record.createTime) ?? now, runtime: nil,
            status: clusterStatus(record.status, of: key), history: record.statusHistory.map { clusterStatus($0, of: key) })
        switch entry.status.state {
        case .deleting:
            // The delete was under way: finish it.
            clusters[key] = entry
            await forgetCluster(key)
            return
        case .error:
            clusters[key] = entry
            saveCluster(entry, view: nil)
            return
        case .stopping: resume(&entry, at: .stopped)
        case .stopped, .running: break
        case .creating, .updating, .starting: resume(&entry, at: .running)
        }
        var spec = record.spec
        let idleStart = spec.config?.lifecycleConfig?.idleStartTime
        spec.config?.lifecycleConfig?.idleStartTime = nil
        do {
            entry.runtime = try await SimulatedCluster.restore(
                spec: spec, clusterUuid: record.clusterUuid, status: entry.status, statusHistory: entry.history,
                createTime: GoogleTimestamp(parsing: record.createTime), idleSince: idleStart,
                clock: clock, options: clusterOptions(uuid: record.clusterUuid))
        } catch {
            resume(&entry, at: .error, detail: "could not be provisioned again after a restart: \(error)")
        }
        clusters[key] = entry
        if let runtime = entry.runtime {
            await watch(key, runtime: runtime)
            await followPolicy(key)
        }
        await saveCluster(key)
    }

    /// Moves a restored cluster on from where the restart left it; a move its
    /// state machine refuses is logged, and the cluster stays as it was.
    private func resume(_ entry: inout ClusterEntry, at next: ClusterState, detail: String? = nil) {
        do {
            try entry.move(to: next, detail: detail, at: now)
        } catch {
            logger.error("a restored cluster cannot move on from its stored state", metadata: [
                "cluster.name": "\(entry.key.id)", "cluster.uuid": "\(entry.uuid)", "state.from": "\(entry.status.state)",
                "state.to": "\(next)", "detail": "\(detail ?? "")", "error": "\(error)",
            ])
        }
    }

    /// A stored status entry as a `ClusterStatus`; a state this version does
    /// not know is logged and becomes ERROR, saying what was stored.
    private func clusterStatus(_ stored: StoredStatus, of key: ResourceKey) -> ClusterStatus {
        let time = GoogleTimestamp(parsing: stored.stateStartTime) ?? now
        guard let state = stored.clusterState else {
            logger.error("a stored cluster state is unknown; the cluster is restored in ERROR", metadata: [
                "cluster.name": "\(key.id)", "cluster.state": "\(stored.state)",
            ])
            return ClusterStatus(
                state: .error, detail: "The stored state \(stored.state) is not a Dataproc cluster state; delete the cluster",
                stateStartTime: time)
        }
        return ClusterStatus(state: state, detail: stored.detail, stateStartTime: time)
    }
}
