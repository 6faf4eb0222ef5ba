import Autoscaling
import Foundation
import Persistence

extension DataprocService {
    /// The key of the policy a `policyUri` names: `projects/P/regions/R/autoscalingPolicies/ID`,
    /// its URL, or a bare id in the cluster's project and region.
    func policyKey(forURI uri: String, near key: ResourceKey) -> ResourceKey? {
        let parts = uri.split(separator: "/").map(String.init)
        if let projects = parts.lastIndex(of: "projects"), parts.count >= projects + 6,
           parts[projects + 4] == "autoscalingPolicies" {
            return ResourceKey(project: parts[projects + 1], region: parts[projects + 3], id: parts[projects + 5])
        }
        guard parts.count == 1 else { return nil }
        return key.sibling(parts[0])
    }

    func policy(forURI uri: String, near key: ResourceKey, field: String) throws(APIError) -> AutoscalingPolicy {
        guard let policyKey = policyKey(forURI: uri, near: key) else {
            throw .invalidArgument("\(field) \(uri) is not a policy name; use projects/P/regions/R/autoscalingPolicies/ID", field: field)
        }
        guard let policy = policies[policyKey] else {
            throw .invalidArgument("\(field) names autoscaling policy \(policyKey.name("autoscalingPolicies")), which does not exist; import it first", field: field)
        }
        return policy
    }

    func storedPolicy(_ key: ResourceKey, _ policy: AutoscalingPolicy) -> StoredPolicy {
        StoredPolicy(projectId: key.project, region: key.region, policyId: key.id, policy: policy,
                     createTime: policyCreateTimes[key] ?? now.description)
    }

    /// `POST /autoscalingPolicies`.
    func createPolicy(project: String, region: String, policy requested: AutoscalingPolicy) throws(APIError) -> AutoscalingPolicy {
        var policy = requested
        do {
            try policy.validate()
        } catch {
            throw .invalidPolicy(error)
        }
        let key = ResourceKey(project: project, region: region, id: policy.id)
        guard policies[key] == nil else {
            throw .alreadyExists("Already exists: Failed to create autoscaling policy: AutoscalingPolicy \(key.name("autoscalingPolicies"))")
        }
        policy.name = key.name("autoscalingPolicies")
        policies[key] = policy
        policyOrder.append(key)
        policyCreateTimes[key] = now.description
        persist([.savePolicy(storedPolicy(key, policy))])
        return policy
    }

    /// `GET /autoscalingPolicies/{id}`.
    func getPolicy(_ key: ResourceKey) throws(APIError) -> AutoscalingPolicy {
        guard let policy = policies[key] else { throw .notFound("AutoscalingPolicy", key.name("autoscalingPolicies")) }
        return policy
    }

    /// `GET /autoscalingPolicies`.
    func listPolicies(project: String, region: String, pageSize: Int?, pageToken: String?) throws(APIError) -> ListPoliciesResponse {
        let all = policyOrder.filter { $0.project == project && $0.region == region }.compactMap { policies[$0] }
        let page = try PageToken.page(all, size: pageSize, token: pageToken)
        return ListPoliciesResponse(policies: page.items.isEmpty ? nil : page.items, nextPageToken: page.next)
    }

    /// `PUT /autoscalingPolicies/{id}`: replaces the policy; clusters using it follow the new one.
    func updatePolicy(_ key: ResourceKey, policy requested: AutoscalingPolicy) async throws(APIError) -> AutoscalingPolicy {
        guard policies[key] != nil else { throw .notFound("AutoscalingPolicy", key.name("autoscalingPolicies")) }
        var policy = requested
        if policy.id.isEmpty { policy.id = key.id }
        guard policy.id == key.id else {
            throw .invalidArgument("policy id \(policy.id) in the body does not match \(key.id) in the URL", field: "id")
        }
        do {
            try policy.validate()
        } catch {
            throw .invalidPolicy(error)
        }
        policy.name = key.name("autoscalingPolicies")
        policies[key] = policy
        persist([.savePolicy(storedPolicy(key, policy))])
        for cluster in await clustersUsing(key) { await followPolicy(cluster) }
        return policy
    }

    /// `DELETE /autoscalingPolicies/{id}`: refused while a cluster uses it.
    func deletePolicy(_ key: ResourceKey) async throws(APIError) {
        guard policies[key] != nil else { throw .notFound("AutoscalingPolicy", key.name("autoscalingPolicies")) }
        if let user = await clustersUsing(key).first {
            throw .failedPrecondition(
                "Autoscaling policy \(key.name("autoscalingPolicies")) is in use by cluster \(user.name("clusters")); "
                    + "disable autoscaling on it first (gcloud dataproc clusters update \(user.id) --disable-autoscaling)")
        }
        policies[key] = nil
        policyOrder.removeAll { $0 == key }
        persist([.deletePolicy(projectId: key.project, region: key.region, policyId: key.id)])
    }

    /// The clusters whose configuration names the policy now, by name.
    func clustersUsing(_ policy: ResourceKey) async -> [ResourceKey] {
        var users: [ResourceKey] = []
        for entry in clusters.values {
            let config = await entry.runtime?.config ?? entry.spec.config
            guard let uri = config?.autoscalingConfig?.policyUri, policyKey(forURI: uri, near: entry.key) == policy else { continue }
            users.append(entry.key)
        }
        return users.sorted { $0.id < $1.id }
    }
}
