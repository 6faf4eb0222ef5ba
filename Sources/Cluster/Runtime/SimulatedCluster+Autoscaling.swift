extension SimulatedCluster {
    /// Sets `config.autoscalingConfig`, as `clusters update --autoscaling-policy ID`
    /// (a policy URI) or `--disable-autoscaling` (nil) do: an UPDATE operation that
    /// is done at once. The cluster only records the policy's URI; the
    /// `Autoscaling` module's `ClusterAutoscaling` runs the policy.
    ///
    /// - Throws: `ClusterError.wrongState` unless RUNNING (as Dataproc rejects updates
    ///   in any other state), `.deleted`.
    @discardableResult
    public func updateAutoscalingConfig(_ autoscalingConfig: AutoscalingConfig?) async throws -> ClusterOperation {
        await waitForOperation(try beginUpdate(ClusterUpdate(autoscalingConfig: .some(autoscalingConfig))))
    }
}
