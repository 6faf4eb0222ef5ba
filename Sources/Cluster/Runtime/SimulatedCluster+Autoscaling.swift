extension SimulatedCluster {
    /// Sets `config.autoscalingConfig`, as `clusters update --autoscaling-policy ID`
    /// (a policy URI) or `--disable-autoscaling` (nil) do: an UPDATE operation that
    /// is done at once. The cluster only records the policy's URI; the
    /// `Autoscaling` module's `ClusterAutoscaling` runs the policy.
    ///
    /// - Throws: `ClusterError.wrongState` unless RUNNING (as Dataproc rejects updates
    ///   in any other state), `.deleted`.
    @discardableResult
    public func updateAutoscalingConfig(_ autoscalingConfig: AutoscalingConfig?) throws -> ClusterOperation {
        try checkNotDeleted()
        guard lifecycle.state == .running else {
            throw ClusterError.wrongState(cluster: clusterName, state: lifecycle.state, action: "be updated")
        }
        let description = autoscalingConfig?.policyUri.map { "Attach autoscaling policy \($0)." } ?? "Disable autoscaling."
        let operation = beginOperation(.update, description: description)
        try move(to: .updating)
        var config = spec.config ?? ClusterConfig()
        config.autoscalingConfig = autoscalingConfig?.policyUri == nil ? nil : autoscalingConfig
        spec.config = config
        try move(to: .running)
        return finishOperation(operation)
    }
}
