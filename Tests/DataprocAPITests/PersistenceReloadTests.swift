import Cluster
import DataprocAPI
import Foundation
import Persistence
import ResourceManager
import Testing

@Suite struct PersistenceReloadTests {
    @Test func theScalingHistoryComesBackAfterARestart() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let clock = ManualClusterClock()
        let uri = "projects/demo/regions/us-central1/autoscalingPolicies/pol1"
        let before = try await withAPI(scratch: scratch, clock: clock) { client, _ in
            _ = try await client.call(.post, "\(base)/autoscalingPolicies", PolicyRouteTests.policy)
            try await client.createCluster("c1", body: #","config":{"autoscalingConfig":{"policyUri":"\#(uri)"}}"#)
            try await advanceMinutes(clock) {
                try await client.call(.get, "\(base)/clusters/c1:scalingHistory").array("entries").count >= 2
            }
            return try await client.call(.get, "\(base)/clusters/c1:scalingHistory").text
        }
        try await withAPI(scratch: scratch, clock: clock) { client, _ in
            let after = try await client.call(.get, "\(base)/clusters/c1:scalingHistory")
            #expect(after.array("entries").count >= 2)
            let restored = try JSONSerialization.jsonObject(with: Data(after.text.utf8)) as? NSDictionary
            #expect(restored == (try JSONSerialization.jsonObject(with: Data(before.utf8)) as? NSDictionary))
            #expect(try await client.call(.get, "\(base)/clusters/c1").string("config.autoscalingConfig.policyUri") == uri)
        }
    }

    @Test func aMaximumAgeCountsFromTheCreationAcrossARestart() async throws {
        // A 30-minute autoDeleteTtl cluster restarted at minute 20 is deleted at minute 30, not 50.
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let clock = ManualClusterClock()
        let deadline = time(clock, plus: 1800)
        try await withAPI(scratch: scratch, clock: clock) { client, _ in
            try await client.createCluster("aged", body: #","config":{"lifecycleConfig":{"autoDeleteTtl":"1800s"}}"#)
            clock.advance(by: .seconds(1200))
        }
        try await withAPI(scratch: scratch, clock: clock) { client, _ in
            #expect(try await client.call(.get, "\(base)/clusters/aged").string("status.state") == "RUNNING")
            try await advanceMinutes(clock, until: {
                try await client.call(.get, "\(base)/clusters/aged").status == .notFound
            }, limit: 11)
            let operations = try await client.call(.get, "\(base)/operations").array("operations").compactMap { $0 as? [String: Any] }
            let delete = try #require(operations.last)
            #expect(JSONResponse.value(delete, at: "metadata.operationType") as? String == "DELETE")
            #expect(JSONResponse.value(delete, at: "metadata.status.stateStartTime") as? String == deadline)
        }
    }

    @Test func clustersPoliciesJobsAndOperationsComeBackAfterARestart() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.put(bucket: "b", name: "in/a.txt", "one two two\n")
        let uuid = try await withAPI(scratch: scratch) { client, _ in
            _ = try await client.call(.post, "\(base)/autoscalingPolicies", PolicyRouteTests.policy)
            let created = try await client.createCluster("c1", body: #","labels":{"env":"prod"}"#)
            _ = try await client.call(.post, "\(base)/jobs:submit", """
            {"job":{"placement":{"clusterName":"c1"},"reference":{"jobId":"j1"},"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/in","gs://b/out"]}}}
            """)
            _ = try await client.waitForJob("j1")
            return try #require(created.string("response.clusterUuid"))
        }
        try await withAPI(scratch: scratch) { client, _ in
            let cluster = try await client.call(.get, "\(base)/clusters/c1")
            #expect(cluster.string("status.state") == "RUNNING")
            #expect(cluster.string("clusterUuid") == uuid)
            #expect(cluster.string("labels.env") == "prod")
            #expect(cluster.array("statusHistory").compactMap { ($0 as? [String: Any])?["state"] as? String } == ["CREATING"])
            #expect(cluster.string("metrics.yarnMetrics[\"yarn-nodes-active\"]") == "2")
            let job = try await client.call(.get, "\(base)/jobs/j1")
            #expect(job.string("status.state") == "DONE")
            #expect(job.string("yarnApplications[0].state") == "FINISHED")
            #expect(try await client.call(.get, "\(base)/autoscalingPolicies/pol1").status == .ok)
            #expect(try await client.call(.get, "\(base)/operations").array("operations").count == 1)
            // The restored cluster runs new jobs.
            _ = try await client.call(.post, "\(base)/jobs:submit", """
            {"job":{"placement":{"clusterName":"c1"},"reference":{"jobId":"j2"},"hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount","args":["gs://b/in","gs://b/out2"]}}}
            """)
            #expect(try await client.waitForJob("j2").string("status.state") == "DONE")
        }
    }

    @Test func aJobThatWasRunningWhenTheServerStoppedEndsInErrorWithItsOutputClosed() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let store = try Store(directory: scratch.path)
        let output = "gs://stage/google-cloud-dataproc-metainfo/u/jobs/j9/driveroutput"
        try scratch.put(bucket: "stage", name: "google-cloud-dataproc-metainfo/u/jobs/j9/driveroutput.000000000", "INFO running\n")
        let document = """
        {"reference":{"projectId":"demo","jobId":"j9"},"placement":{"clusterName":"gone"},
         "hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount"},
         "status":{"state":"RUNNING","stateStartTime":"2024-04-01T12:00:00Z"},"driverOutputResourceUri":"\(output)"}
        """
        try store.apply(.saveJob(StoredJob(
            projectId: "demo", region: "us-central1", jobId: "j9", clusterName: "gone", state: "RUNNING", requestId: nil,
            createTime: "2024-04-01T12:00:00Z", document: Data(document.utf8))))
        try await withAPI(scratch: scratch) { client, _ in
            let job = try await client.call(.get, "\(base)/jobs/j9")
            #expect(job.string("status.state") == "ERROR")
            #expect(job.string("status.details")?.contains("the server restarted") == true)
            #expect(job["done"] as? Bool == true)
            #expect(job.array("statusHistory").compactMap { ($0 as? [String: Any])?["state"] as? String } == ["RUNNING"])
            let closing = "google-cloud-dataproc-metainfo%2Fu%2Fjobs%2Fj9%2Fdriveroutput.000000001"
            #expect(try await client.call(.get, "/storage/v1/b/stage/o/\(closing)").string("size") == "0")
        }
    }

    @Test func aStoreKeepsWhatWasCommittedAcrossOpens() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let record = StoredOperation(id: "op1", projectId: "p", region: "r", clusterName: "c", done: true, createTime: "t", document: Data("{}".utf8))
        try Store(directory: scratch.path).apply([.saveOperation(record), .deleteOperation(id: "missing")])
        let contents = try Store(directory: scratch.path).load()
        #expect(contents.operations == [record])
        #expect(contents.clusters.isEmpty)
    }
}
