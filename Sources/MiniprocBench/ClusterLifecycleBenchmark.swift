import Cluster
import Foundation
import ResourceManager

/// Creates and deletes a whole simulated cluster of 1,000 nodes — the runtime
/// that real jobs use, with a directory per node on disk — and prints how long
/// each takes.
enum ClusterLifecycleBenchmark {
    static func run(nodes: Int = 1000) async throws {
        let directory = try Bench.dataDirectory() + "/cluster-\(UUID().uuidString.prefix(8))"
        var options = ClusterOptions()
        options.dataDirectory = directory
        let spec = ClusterSpec(projectId: "bench", clusterName: "bench", config: ClusterConfig(
            masterConfig: InstanceGroupConfig(numInstances: 1, machineTypeUri: "n1-standard-4"),
            workerConfig: InstanceGroupConfig(numInstances: nodes * 4 / 5 - 1, machineTypeUri: "n1-standard-8"),
            secondaryWorkerConfig: InstanceGroupConfig(numInstances: nodes / 5, machineTypeUri: "n1-standard-8")
        ))
        let clock = ContinuousClock()
        let createStart = clock.now
        let cluster = try await SimulatedCluster.create(spec: spec, clock: SystemClusterClock(), options: options)
        let created = clock.now - createStart
        let nodeCount = await cluster.nodeSummaries.count
        let deleteStart = clock.now
        _ = try await cluster.delete()
        let deleted = clock.now - deleteStart
        Bench.figure("cluster.nodes", Double(nodeCount), "nodes", decimals: 0)
        Bench.figure("cluster.create", seconds(created), "s", decimals: 3)
        Bench.figure("cluster.delete", seconds(deleted), "s", decimals: 3)
        Bench.figure("cluster.directories_left", Double(try FileManager.default.contentsOfDirectory(atPath: directory).count), "directories", decimals: 0)
        try Bench.remove(directory)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
