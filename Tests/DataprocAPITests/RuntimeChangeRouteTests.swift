import Cluster
import Foundation
import ResourceManager
import Testing

/// The API follows the cluster runtime: its clock, its operations (whoever
/// started them) and its autoscaler, one per cluster.
@Suite("The API as an adapter of the runtime")
struct RuntimeChangeRouteTests {
    static let policyURI = "projects/demo/regions/us-central1/autoscalingPolicies/pol1"

    @Test("state start times are the injected clock's, to the microsecond")
    func stateStartTimesComeFromTheInjectedClock() async throws {
        let clock = ManualClusterClock()
        try await withAPI(clock: clock) { client, _ in
            let start = time(clock)
            try await client.createCluster("timed")
            let created = try await client.call(.get, "\(base)/clusters/timed")
            #expect(created.string("status.state") == "RUNNING")
            #expect(created.string("status.stateStartTime") == start)
            #expect(created.string("statusHistory[0].stateStartTime") == start)
            clock.advance(by: .seconds(90))
            let later = time(clock)
            let update = try await client.call(
                .patch, "\(base)/clusters/timed?updateMask=config.worker_config.num_instances",
                #"{"config":{"workerConfig":{"numInstances":3}}}"#)
            let done = try await client.waitForOperation(try #require(update.string("name")))
            #expect(done.string("metadata.status.state") == "DONE")
            #expect(done.string("metadata.status.stateStartTime") == later)
            #expect(done.string("metadata.statusHistory[0].stateStartTime") == later)
            #expect(done["response.config.workerConfig.numInstances"] as? Int == 3)
            let updated = try await client.call(.get, "\(base)/clusters/timed")
            let history = updated.array("statusHistory").compactMap { $0 as? [String: Any] }
            #expect(history.compactMap { $0["state"] as? String } == ["CREATING", "RUNNING", "UPDATING"])
            #expect(history.last?["stateStartTime"] as? String == later)
            #expect(updated.string("status.stateStartTime") == later)
        }
    }

    @Test("a delete by autoDeleteTtl is an operation that operations list shows")
    func aTtlDeleteIsListedAsAnOperation() async throws {
        let clock = ManualClusterClock()
        try await withAPI(clock: clock) { client, _ in
            try await client.createCluster("aged", body: #","config":{"lifecycleConfig":{"autoDeleteTtl":"600s"}}"#)
            let deadline = time(clock, plus: 600)
            try await advanceMinutes(clock) {
                try await client.call(.get, "\(base)/clusters/aged").status == .notFound
            }
            let listed = try await client.call(.get, "\(base)/operations?filter=%7B%22cluster_name%22%3A%22aged%22%7D")
            let operations = listed.array("operations").compactMap { $0 as? [String: Any] }
            let types = operations.compactMap { JSONResponse.value($0, at: "metadata.operationType") as? String }
            #expect(types == ["CREATE", "DELETE"])
            let delete = try #require(operations.last)
            #expect(delete["done"] as? Bool == true)
            #expect(JSONResponse.value(delete, at: "metadata.description") as? String == "Delete cluster")
            #expect(JSONResponse.value(delete, at: "metadata.statusHistory[0].stateStartTime") as? String == deadline)
            #expect(JSONResponse.value(delete, at: "response[\"@type\"]") as? String == "type.googleapis.com/google.protobuf.Empty")
        }
    }

    @Test("a resize by the autoscaler is an UPDATE operation that operations list shows")
    func anAutoscalerResizeIsListedAsAnOperation() async throws {
        let clock = ManualClusterClock()
        try await withAPI(clock: clock) { client, _ in
            let policy = """
            {"id":"pol1","workerConfig":{"minInstances":3,"maxInstances":5},"basicAlgorithm":{"cooldownPeriod":"120s",
             "yarnConfig":{"scaleUpFactor":0.5,"scaleDownFactor":0.5,"gracefulDecommissionTimeout":"0s"}}}
            """
            #expect(try await client.call(.post, "\(base)/autoscalingPolicies", policy).status == .ok)
            try await client.createCluster("grows", body: #","config":{"autoscalingConfig":{"policyUri":"\#(Self.policyURI)"}}"#)
            try await advanceMinutes(clock) {
                (try await client.call(.get, "\(base)/clusters/grows")["config.workerConfig.numInstances"] as? Int) == 3
            }
            let listed = try await client.call(.get, "\(base)/operations")
            let updates = listed.array("operations").compactMap { $0 as? [String: Any] }
                .filter { JSONResponse.value($0, at: "metadata.operationType") as? String == "UPDATE" }
            let update = try #require(updates.first)
            #expect(updates.count == 1)
            #expect(JSONResponse.value(update, at: "metadata.description") as? String == "Add 1 workers.")
            #expect(JSONResponse.value(update, at: "metadata.clusterName") as? String == "grows")
        }
    }

    @Test("the scaling history survives disabling autoscaling and attaching the policy again")
    func scalingHistorySurvivesDisableAndReattach() async throws {
        let clock = ManualClusterClock()
        try await withAPI(clock: clock) { client, _ in
            _ = try await client.call(.post, "\(base)/autoscalingPolicies", PolicyRouteTests.policy)
            try await client.createCluster("kept", body: #","config":{"autoscalingConfig":{"policyUri":"\#(Self.policyURI)"}}"#)
            try await advanceMinutes(clock) {
                !(try await client.call(.get, "\(base)/clusters/kept:scalingHistory").array("entries").isEmpty)
            }
            let before = try await client.call(.get, "\(base)/clusters/kept:scalingHistory").array("entries").count
            let disable = try await client.call(.patch, "\(base)/clusters/kept?updateMask=config.autoscaling_config.policy_uri", "{}")
            let disabled = try await client.waitForOperation(try #require(disable.string("name")))
            #expect(disabled.string("metadata.description") == "Disable autoscaling.")
            #expect(try await client.call(.get, "\(base)/clusters/kept").string("config.autoscalingConfig.policyUri") == nil)
            #expect(try await client.call(.get, "\(base)/clusters/kept:scalingHistory").array("entries").count == before)
            let attach = try await client.call(
                .patch, "\(base)/clusters/kept?updateMask=config.autoscaling_config.policy_uri",
                #"{"config":{"autoscalingConfig":{"policyUri":"\#(Self.policyURI)"}}}"#)
            _ = try await client.waitForOperation(try #require(attach.string("name")))
            try await advanceMinutes(clock) {
                try await client.call(.get, "\(base)/clusters/kept:scalingHistory").array("entries").count > before
            }
        }
    }
}
