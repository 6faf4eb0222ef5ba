import Cluster
import DataprocAPI
import Foundation
import Persistence
import Testing

/// A record whose state this server does not know — written by another
/// version, or damaged — comes back visibly failed, saying what was stored,
/// instead of vanishing from the lists.
@Suite struct RestoreUnknownStateTests {
    @Test func aStoredJobWithAnUnknownStateIsServedAsFailedNamingTheStateAndKeptOnDisk() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let document = """
        {"reference":{"projectId":"demo","jobId":"j7"},"placement":{"clusterName":"c7"},
         "hadoopJob":{"mainClass":"org.apache.hadoop.examples.WordCount"},
         "status":{"state":"SLEEPING","stateStartTime":"2024-04-01T12:00:00Z"}}
        """
        let record = StoredJob(
            projectId: "demo", region: "us-central1", jobId: "j7", clusterName: "c7", state: "SLEEPING", requestId: nil,
            createTime: "2024-04-01T12:00:00Z", document: Data(document.utf8))
        try Store(directory: scratch.path).apply(.saveJob(record))
        try await withAPI(scratch: scratch) { client, _ in
            let job = try await client.call(.get, "\(base)/jobs/j7")
            #expect(job.status == .ok)
            #expect(job.string("status.state") == "ERROR")
            #expect(job["done"] as? Bool == true)
            let details = try #require(job.string("status.details"))
            #expect(details.contains("could not be restored"))
            #expect(details.contains("status.state"))
            #expect(details.contains("SLEEPING"))
            #expect(job.string("placement.clusterName") == "c7")
            let listed = try await client.call(.get, "\(base)/jobs?jobStateMatcher=NON_ACTIVE").array("jobs")
            #expect(listed.compactMap { JSONResponse.value($0, at: "reference.jobId") as? String } == ["j7"])
        }
        #expect(try Store(directory: scratch.path).load().jobs == [record])
    }

    @Test func aStoredOperationWithAnUnknownStateIsServedAsDoneWithAnInternalErrorNamingTheState() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let name = "projects/demo/regions/us-central1/operations/op7"
        let document = """
        {"name":"\(name)","metadata":{"@type":"type.googleapis.com/google.cloud.dataproc.v1.ClusterOperationMetadata",
         "clusterName":"c7","clusterUuid":"u7","operationType":"CREATE","description":"Create cluster with 2 workers",
         "status":{"state":"PAUSED","innerState":"PAUSED","stateStartTime":"2024-04-01T12:00:00Z"}}}
        """
        let record = StoredOperation(
            id: "op7", projectId: "demo", region: "us-central1", clusterName: "c7", done: false,
            createTime: "2024-04-01T12:00:00Z", document: Data(document.utf8))
        try Store(directory: scratch.path).apply(.saveOperation(record))
        try await withAPI(scratch: scratch) { client, _ in
            let operation = try await client.call(.get, "\(base)/operations/op7")
            #expect(operation.status == .ok)
            #expect(operation["done"] as? Bool == true)
            #expect(operation["error.code"] as? Int == 13)
            let message = try #require(operation.string("error.message"))
            #expect(message.contains("metadata.status.state"))
            #expect(message.contains("PAUSED"))
            #expect(operation.string("metadata.status.state") == "DONE")
            #expect(operation.string("metadata.clusterName") == "c7")
            let listed = try await client.call(.get, "\(base)/operations").array("operations")
            #expect(listed.compactMap { JSONResponse.value($0, at: "name") as? String } == [name])
        }
        #expect(try Store(directory: scratch.path).load().operations == [record])
    }

    @Test func aStoredClusterWithAnUnknownStateComesBackInErrorSayingWhatWasStored() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let record = StoredCluster(
            projectId: "demo", region: "us-central1", clusterName: "c7", clusterUuid: "u7",
            spec: ClusterSpec(projectId: "demo", clusterName: "c7", labels: nil, config: nil), labels: [:],
            status: StoredStatus(state: "HIBERNATING", stateStartTime: "2024-04-01T12:00:00Z"), statusHistory: [],
            createTime: "2024-04-01T12:00:00Z")
        try Store(directory: scratch.path).apply(.saveCluster(record))
        try await withAPI(scratch: scratch) { client, _ in
            let cluster = try await client.call(.get, "\(base)/clusters/c7")
            #expect(cluster.string("status.state") == "ERROR")
            #expect(cluster.string("status.detail")?.contains("HIBERNATING") == true)
            #expect(try await client.call(.get, "\(base)/clusters?filter=status.state%20%3D%20INACTIVE").array("clusters").count == 1)
        }
    }

    @Test func anOperationARestartInterruptedEndsDonePassingThroughRunning() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let document = """
        {"name":"projects/demo/regions/us-central1/operations/op8","metadata":{
         "@type":"type.googleapis.com/google.cloud.dataproc.v1.ClusterOperationMetadata",
         "clusterName":"c8","clusterUuid":"u8","operationType":"UPDATE","description":"Add 1 workers.",
         "status":{"state":"PENDING","innerState":"PENDING","stateStartTime":"2024-04-01T12:00:00Z"}}}
        """
        try Store(directory: scratch.path).apply(.saveOperation(StoredOperation(
            id: "op8", projectId: "demo", region: "us-central1", clusterName: "c8", done: false,
            createTime: "2024-04-01T12:00:00Z", document: Data(document.utf8))))
        try await withAPI(scratch: scratch) { client, _ in
            let operation = try await client.call(.get, "\(base)/operations/op8")
            #expect(operation["done"] as? Bool == true)
            #expect(operation["error.code"] as? Int == 10)
            #expect(operation.string("metadata.status.state") == "DONE")
            let history = operation.array("metadata.statusHistory").compactMap { ($0 as? [String: Any])?["state"] as? String }
            #expect(history == ["PENDING", "RUNNING"])
        }
    }
}
