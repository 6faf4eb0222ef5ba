import Autoscaling
import Cluster
import Foundation

/// The `standard` profile's shape: n1-standard-4 workers (12288 MB, 4 vcores, 3072 MB containers).
func standardCluster(workers: Int = 2, secondary: Int = 0) -> ClusterConfig {
    ClusterConfig(
        masterConfig: InstanceGroupConfig(numInstances: 1, machineTypeUri: "n1-standard-4"),
        workerConfig: InstanceGroupConfig(numInstances: workers, machineTypeUri: "n1-standard-4"),
        secondaryWorkerConfig: secondary > 0 ? InstanceGroupConfig(numInstances: secondary) : nil
    )
}

/// A trace of `count` arrivals of one job.
func trace(
    tasks: Int, taskDuration: Duration, arrival: Duration = .zero, count: Int = 1, every: Duration? = nil
) -> SimulationTrace {
    SimulationTrace(jobs: [TraceJob(name: "job", arrival: arrival, tasks: tasks, taskDuration: taskDuration, count: count, every: every)])
}
