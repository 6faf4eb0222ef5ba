/// One change to the store; `Store.apply(_:)` makes a list of them in one transaction.
public enum StoreChange: Sendable, Hashable {
    /// Inserts or replaces a cluster.
    case saveCluster(StoredCluster)
    /// Removes a cluster.
    case deleteCluster(projectId: String, region: String, clusterName: String)
    /// Inserts or replaces an operation.
    case saveOperation(StoredOperation)
    /// Removes an operation.
    case deleteOperation(id: String)
    /// Inserts or replaces a job.
    case saveJob(StoredJob)
    /// Removes a job.
    case deleteJob(projectId: String, region: String, jobId: String)
    /// Inserts or replaces a policy.
    case savePolicy(StoredPolicy)
    /// Removes a policy.
    case deletePolicy(projectId: String, region: String, policyId: String)
    /// Inserts or replaces a cluster's scaling history.
    case saveScalingHistory(StoredScalingHistory)
    /// Removes a cluster's scaling history.
    case deleteScalingHistory(clusterUuid: String)
}
