import Cluster
import DataprocAPI
import Foundation
import Hummingbird
import HummingbirdTesting
import ResourceManager
import Testing

/// The real gcloud CLI against a live server on a free port.
@Suite(.serialized) struct GcloudEndToEndTests {
    static let examplesJar = "file:///usr/lib/hadoop-mapreduce/hadoop-mapreduce-examples.jar"

    /// Runs `body` with a live server on `scratch` and gcloud pointed at it.
    private func withServer(
        _ scratch: ScratchDirectory, _ gcloud: Gcloud, clock: any ClusterClock = SystemClusterClock(),
        _ body: @Sendable (Client) async throws -> Void
    ) async throws {
        let app = try await buildApplication(configuration: ServerConfiguration(dataDirectory: scratch.path, port: 0, clock: clock))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await gcloud.configure(port: port)
            try await body(client)
        }
    }

    @Test func gcloudListsTheAutoscalersResizeAndTheTtlDeleteAsOperations() async throws {
        let gcloud = try Gcloud()
        defer { gcloud.remove() }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let policyFile = scratch.path + "/grow.yaml"
        try Data("""
        workerConfig:
          minInstances: 3
          maxInstances: 5
        basicAlgorithm:
          cooldownPeriod: 2m
          yarnConfig:
            scaleUpFactor: 0.5
            scaleDownFactor: 0.5
            gracefulDecommissionTimeout: 0s
        """.utf8).write(to: URL(fileURLWithPath: policyFile))
        let clock = ManualClusterClock()
        try await withServer(scratch, gcloud, clock: clock) { client in
            var result = try await gcloud.dataproc("autoscaling-policies", "import", "grow", "--source", policyFile)
            #expect(result.status == 0, "\(result)")
            result = try await gcloud.dataproc(
                "clusters", "create", "t1", "--num-workers", "2", "--autoscaling-policy", "grow", "--max-age", "10m")
            #expect(result.status == 0, "\(result)")
            // The autoscaler brings the cluster up to its policy's minimum of 3 workers…
            try await advanceMinutes(clock, until: {
                (try await client.call(.get, "\(base)/clusters/t1")["config.workerConfig.numInstances"] as? Int) == 3
            }, limit: 5)
            result = try await gcloud.dataproc("operations", "list", "--format=json")
            var operations = result.json as? [[String: Any]] ?? []
            #expect(operations.compactMap { JSONResponse.value($0, at: "metadata.description") as? String }
                .contains("Add 1 workers."), "\(result)")
            // …and the cluster deletes itself at its maximum age.
            try await advanceMinutes(clock, until: {
                try await client.call(.get, "\(base)/clusters/t1").status == .notFound
            }, limit: 10)
            result = try await gcloud.dataproc("operations", "list", "--cluster", "t1", "--format=json")
            operations = result.json as? [[String: Any]] ?? []
            let types = Set(operations.compactMap { JSONResponse.value($0, at: "metadata.operationType") as? String })
            #expect(types == ["CREATE", "UPDATE", "DELETE"], "\(result)")
            result = try await gcloud.dataproc("clusters", "describe", "t1")
            #expect(result.stderr.contains("NOT_FOUND"), "\(result)")
        }
    }

    @Test func gcloudImportsAPolicyCreatesAClusterRunsAWordCountKillsAJobAndDeletesTheCluster() async throws {
        let gcloud = try Gcloud()
        defer { gcloud.remove() }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.put(bucket: "b", name: "in/one.txt", "the quick brown fox\njumps over the lazy dog\n")
        try scratch.put(bucket: "b", name: "in/two.txt", "the end\n")
        let policyFile = scratch.path + "/policy.yaml"
        try Data("""
        workerConfig:
          maxInstances: 10
        basicAlgorithm:
          cooldownPeriod: 4m
          yarnConfig:
            scaleUpFactor: 0.5
            scaleDownFactor: 0.5
            gracefulDecommissionTimeout: 1h
        """.utf8).write(to: URL(fileURLWithPath: policyFile))

        try await withServer(scratch, gcloud) { _ in
            var result = try await gcloud.dataproc("autoscaling-policies", "import", "pol1", "--source", policyFile)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("Created [pol1]."), "\(result)")

            result = try await gcloud.dataproc(
                "clusters", "create", "c1", "--num-workers", "2", "--worker-machine-type", "n1-standard-2",
                "--master-machine-type", "n1-standard-2", "--autoscaling-policy", "pol1", "--labels", "env=e2e")
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("Created [http://127.0.0.1:"), "\(result)")

            result = try await gcloud.dataproc("clusters", "list", "--filter", "status.state = RUNNING AND labels.env = e2e", "--format=json")
            #expect((result.json as? [[String: Any]])?.compactMap { $0["clusterName"] as? String } == ["c1"], "\(result)")
            result = try await gcloud.dataproc("clusters", "list", "--filter", "status.state = STOPPED", "--format=json")
            #expect((result.json as? [Any])?.isEmpty == true, "\(result)")

            result = try await gcloud.dataproc("clusters", "describe", "c1", "--format=json")
            #expect(JSONResponse.value(result.json, at: "status.state") as? String == "RUNNING", "\(result)")
            #expect(JSONResponse.value(result.json, at: "config.autoscalingConfig.policyUri") as? String
                == "projects/demo/regions/us-central1/autoscalingPolicies/pol1")

            result = try await gcloud.dataproc("clusters", "update", "c1", "--num-workers", "3", "--graceful-decommission-timeout", "1h")
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("Updated ["), "\(result)")
            result = try await gcloud.dataproc("clusters", "describe", "c1", "--format=json")
            #expect(JSONResponse.value(result.json, at: "config.workerConfig.numInstances") as? Int == 3, "\(result)")

            // A word count, its driver output streamed by gcloud.
            result = try await gcloud.dataproc(
                "jobs", "submit", "hadoop", "--cluster", "c1", "--id", "wc1", "--jar", Self.examplesJar, "--format=json",
                "--", "wordcount", "gs://b/in", "gs://b/out")
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("Job [wc1] submitted."), "\(result)")
            #expect(result.stderr.contains("INFO mapreduce.Job:  map 100% reduce 100%"), "\(result)")
            #expect(result.stderr.contains("Reduce output records=9"), "\(result)")
            #expect(result.stderr.contains("Job [wc1] finished successfully."), "\(result)")
            #expect(!result.stderr.contains("output did not finish streaming"), "\(result)")
            #expect(JSONResponse.value(result.json, at: "status.state") as? String == "DONE")
            var counts: [String: Int] = [:]
            let outputDirectory = scratch.storage + "/b/out"
            let parts = try FileManager.default.contentsOfDirectory(atPath: outputDirectory).filter { $0.hasPrefix("part-r-") }
            for part in parts {
                let text = try String(contentsOfFile: outputDirectory + "/" + part, encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let fields = line.split(separator: "\t")
                    counts[String(fields[0])] = Int(fields[1])
                }
            }
            #expect(counts == ["the": 3, "quick": 1, "brown": 1, "fox": 1, "jumps": 1, "over": 1, "lazy": 1, "dog": 1, "end": 1])
            #expect(FileManager.default.fileExists(atPath: outputDirectory + "/_SUCCESS"))

            result = try await gcloud.dataproc("jobs", "list", "--cluster", "c1", "--format=json")
            #expect((result.json as? [[String: Any]])?.compactMap { JSONResponse.value($0, at: "reference.jobId") as? String } == ["wc1"], "\(result)")
            result = try await gcloud.dataproc("jobs", "describe", "wc1", "--format=json")
            #expect(JSONResponse.value(result.json, at: "yarnApplications[0].state") as? String == "FINISHED", "\(result)")

            // A job killed while it runs.
            result = try await gcloud.dataproc(
                "jobs", "submit", "hadoop", "--cluster", "c1", "--id", "pi1", "--async", "--jar", Self.examplesJar,
                "--", "pi", "12", "1500000")
            #expect(result.status == 0, "\(result)")
            result = try await gcloud.dataproc("jobs", "kill", "pi1")
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("Job cancellation initiated for [pi1]."), "\(result)")
            result = try await gcloud.dataproc("jobs", "describe", "pi1", "--format=json")
            #expect(JSONResponse.value(result.json, at: "status.state") as? String == "CANCELLED", "\(result)")
            result = try await gcloud.dataproc("jobs", "list", "--state-filter", "inactive", "--format=json")
            #expect((result.json as? [Any])?.count == 2, "\(result)")

            // Errors, as gcloud prints them.
            result = try await gcloud.dataproc("clusters", "create", "c2", "--num-workers", "1")
            #expect(result.status != 0)
            #expect(result.stderr.contains(
                "ERROR: (gcloud.dataproc.clusters.create) INVALID_ARGUMENT: cluster 'c2' needs 0 or at least 2 primary workers, got 1"), "\(result)")
            #expect(result.stderr.contains("field: config.workerConfig.numInstances"), "\(result)")
            result = try await gcloud.dataproc("clusters", "create", "c1")
            #expect(result.stderr.contains(
                "ERROR: (gcloud.dataproc.clusters.create) ALREADY_EXISTS: Already exists: Failed to create cluster: Cluster projects/demo/regions/us-central1/clusters/c1"),
                "\(result)")
            result = try await gcloud.dataproc("clusters", "update", "c1", "--num-workers", "1")
            #expect(result.stderr.contains("ERROR: (gcloud.dataproc.clusters.update) INVALID_ARGUMENT: cluster 'c1' needs 0 or at least 2"), "\(result)")
            result = try await gcloud.dataproc("autoscaling-policies", "delete", "pol1")
            #expect(result.stderr.contains("ERROR: (gcloud.dataproc.autoscaling-policies.delete) FAILED_PRECONDITION:"), "\(result)")
            result = try await gcloud.dataproc("jobs", "kill", "wc1")
            #expect(result.stderr.contains("FAILED_PRECONDITION"), "\(result)")
            result = try await gcloud.dataproc("jobs", "describe", "nope")
            #expect(result.stderr.contains(
                "ERROR: (gcloud.dataproc.jobs.describe) NOT_FOUND: Not found: Job projects/demo/regions/us-central1/jobs/nope"), "\(result)")

            result = try await gcloud.dataproc("clusters", "delete", "c1")
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("Deleted ["), "\(result)")
            result = try await gcloud.dataproc("clusters", "describe", "c1")
            #expect(result.status != 0)
            #expect(result.stderr.contains(
                "ERROR: (gcloud.dataproc.clusters.describe) NOT_FOUND: Not found: Cluster projects/demo/regions/us-central1/clusters/c1"), "\(result)")
            result = try await gcloud.dataproc("autoscaling-policies", "delete", "pol1")
            #expect(result.status == 0, "\(result)")
        }
    }

    @Test func aClusterCreatedWithGcloudIsStillRunningAfterTheServerRestarts() async throws {
        let gcloud = try Gcloud()
        defer { gcloud.remove() }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try await withServer(scratch, gcloud) { _ in
            let result = try await gcloud.dataproc("clusters", "create", "r1", "--num-workers", "2")
            #expect(result.status == 0, "\(result)")
        }
        try await withServer(scratch, gcloud) { _ in
            var result = try await gcloud.dataproc("clusters", "list", "--format=json")
            let clusters = result.json as? [[String: Any]] ?? []
            #expect(clusters.compactMap { $0["clusterName"] as? String } == ["r1"], "\(result)")
            #expect(clusters.first.flatMap { JSONResponse.value($0, at: "status.state") as? String } == "RUNNING")
            #expect(clusters.first?["clusterUuid"] as? String != nil)
            result = try await gcloud.dataproc("clusters", "delete", "r1")
            #expect(result.status == 0, "\(result)")
        }
    }
}
