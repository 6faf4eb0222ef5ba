import Autoscaling
import Cluster
import Persistence

extension DataprocService {
    /// Makes the cluster's autoscaler follow the policy its
    /// `config.autoscalingConfig.policyUri` names now (the runtime owns that
    /// field): attached, replaced, or detached when there is none. The
    /// cluster keeps one autoscaler for its whole life, so its history stays.
    func followPolicy(_ key: ResourceKey) async {
        guard let runtime = clusters[key]?.runtime else { return }
        let service = autoscalers[key] ?? makeAutoscaler(for: runtime)
        autoscalers[key] = service
        guard let uri = await runtime.config.autoscalingConfig?.policyUri else {
            await service.detach()
            return
        }
        guard let policyKey = policyKey(forURI: uri, near: key), let policy = policies[policyKey] else {
            logger.warning("a cluster names an autoscaling policy that does not exist", metadata: ["cluster.name": "\(key.id)", "policy": "\(uri)"])
            await service.detach()
            return
        }
        do {
            try await service.attach(policy)
        } catch {
            logger.warning("could not attach an autoscaling policy", metadata: ["cluster.name": "\(key.id)", "error": "\(error)"])
        }
    }

    /// The cluster's autoscaler, going on from its stored history and storing
    /// each change of it (in order: the service reports from its own actor).
    private func makeAutoscaler(for runtime: SimulatedCluster) -> AutoscalerService {
        let (store, logger, uuid) = (self.store, self.logger, runtime.clusterUuid)
        return AutoscalerService(
            cluster: runtime, clock: clock, history: restoredHistories.removeValue(forKey: uuid) ?? []
        ) { entries in
            do {
                try store.apply(.saveScalingHistory(StoredScalingHistory(clusterUuid: uuid, entries: entries)))
            } catch {
                logger.error("could not persist a scaling history", metadata: ["cluster.uuid": "\(uuid)", "error": "\(error)"])
            }
        }
    }

    /// Every evaluation of the cluster's autoscaler, oldest first; empty if it never had a policy.
    func scalingHistory(_ key: ResourceKey) async throws(APIError) -> ScalingHistoryMessage {
        _ = try cluster(key)
        return ScalingHistoryMessage(entries: await autoscalers[key]?.history ?? [])
    }
}
