import Autoscaling
import Cluster

/// Lets the autoscaler read and resize a cluster runtime: its state, worker
/// counts and YARN metrics, and resizes as UPDATE operations that return once done.
struct RuntimeAutoscalingTarget: Autoscaling.ScalableCluster {
    let runtime: SimulatedCluster

    func observe() async throws -> ClusterObservation {
        let view = await runtime.view()
        let state = ScalableClusterState(rawValue: view.status.state.rawValue) ?? .error
        return ClusterObservation(
            state: state,
            shape: ClusterShape(
                primaryWorkers: view.config.workerConfig?.numInstances ?? 0,
                secondaryWorkers: view.config.secondaryWorkerConfig?.numInstances ?? 0,
                nodeManagerMemoryMB: runtime.sizing.nodeManagerMemoryMB),
            metrics: view.yarn)
    }

    func resize(primaryWorkers: Int, secondaryWorkers: Int, gracefulDecommissionTimeout: Duration, requestID: String) async throws -> String {
        let operation = try await runtime.resize(
            primaryWorkers: primaryWorkers, secondaryWorkers: secondaryWorkers, gracefulDecommissionTimeout: gracefulDecommissionTimeout)
        return "projects/\(runtime.projectId)/operations/\(operation.id)"
    }
}
