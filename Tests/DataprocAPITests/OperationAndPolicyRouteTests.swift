import Cluster
import Foundation
import ResourceManager
import Testing

@Suite struct OperationRouteTests {
    @Test func operationsAreListedWithTheJsonAndTheExpressionFilter() async throws {
        try await withAPI { client, _ in
            try await client.createCluster("c1")
            try await client.createCluster("c2")
            let update = try await client.call(.patch, "\(base)/clusters/c1?updateMask=labels", #"{"labels":{"k":"v"}}"#)
            _ = try await client.waitForOperation(try #require(update.string("name")))
            func types(_ filter: String) async throws -> [String] {
                let encoded = filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? filter
                let listed = try await client.call(.get, "\(base)/operations?pageSize=100&filter=\(encoded)")
                #expect(listed.status == .ok, "\(listed.text)")
                return listed.array("operations").compactMap { JSONResponse.value($0, at: "metadata.operationType") as? String }
            }
            #expect(try await types("{}") == ["CREATE", "CREATE", "UPDATE"])
            #expect(try await types(#"{"operation_state_matcher":"NON_ACTIVE","cluster_name":"c1"}"#) == ["CREATE", "UPDATE"])
            #expect(try await types(#"{"operation_state_matcher":"ACTIVE"}"#) == [])
            #expect(try await types("clusterName = c2") == ["CREATE"])
            #expect(try await types("operationType = UPDATE AND status.state = DONE") == ["UPDATE"])
            #expect(try await types("labels.goog-dataproc-operation-type = create") == ["CREATE", "CREATE"])
            let refused = try await client.call(.get, "\(base)/operations?filter=%7B%22nonsense%22%3A1%7D")
            #expect(refused.status == .badRequest)
        }
    }

    @Test func aDoneOperationCannotBeCancelledButCanBeDeleted() async throws {
        try await withAPI { client, _ in
            let created = try await client.createCluster("c1")
            let name = try #require(created.string("name"))
            let cancel = try await client.call(.post, "/v1/\(name):cancel")
            #expect(cancel.status == .badRequest)
            #expect(cancel.string("error.status") == "FAILED_PRECONDITION")
            let deleted = try await client.call(.delete, "/v1/\(name)")
            #expect(deleted.status == .ok)
            #expect(deleted.text == "{}")
            let missing = try await client.call(.get, "/v1/\(name)")
            #expect(missing.status == .notFound)
            #expect(missing.string("error.message") == "Not found: Operation \(name)")
        }
    }
}

@Suite struct PolicyRouteTests {
    static let policy = """
    {"id":"pol1","workerConfig":{"maxInstances":10},"basicAlgorithm":{"cooldownPeriod":"240s",
     "yarnConfig":{"scaleUpFactor":0.5,"scaleDownFactor":0.5,"gracefulDecommissionTimeout":"3600s"}}}
    """

    @Test func policiesAreCreatedReadListedReplacedAndDeleted() async throws {
        try await withAPI { client, _ in
            let created = try await client.call(.post, "\(base)/autoscalingPolicies", Self.policy)
            #expect(created.status == .ok, "\(created.text)")
            #expect(created.string("name") == "projects/demo/regions/us-central1/autoscalingPolicies/pol1")
            #expect(created.string("basicAlgorithm.cooldownPeriod") == "240s")
            let again = try await client.call(.post, "\(base)/autoscalingPolicies", Self.policy)
            #expect(again.status == .conflict)

            let replaced = try await client.call(.put, "\(base)/autoscalingPolicies/pol1", """
            {"name":"projects/demo/regions/us-central1/autoscalingPolicies/pol1","workerConfig":{"maxInstances":20},
             "basicAlgorithm":{"yarnConfig":{"scaleUpFactor":1,"scaleDownFactor":0,"gracefulDecommissionTimeout":"0s"}}}
            """)
            #expect(replaced.status == .ok, "\(replaced.text)")
            #expect(try await client.call(.get, "\(base)/autoscalingPolicies/pol1")["workerConfig.maxInstances"] as? Int == 20)
            #expect(try await client.call(.get, "\(base)/autoscalingPolicies").array("policies").count == 1)
            #expect(try await client.call(.delete, "\(base)/autoscalingPolicies/pol1").status == .ok)
            let missing = try await client.call(.get, "\(base)/autoscalingPolicies/pol1")
            #expect(missing.status == .notFound)
            #expect(try await client.call(.put, "\(base)/autoscalingPolicies/pol1", Self.policy).status == .notFound)
        }
    }

    @Test func anInvalidPolicyIsRefusedFieldByField() async throws {
        try await withAPI { client, _ in
            let refused = try await client.call(.post, "\(base)/autoscalingPolicies", """
            {"id":"p","workerConfig":{"maxInstances":10},"basicAlgorithm":{"cooldownPeriod":"60s",
             "yarnConfig":{"scaleUpFactor":2,"scaleDownFactor":0.5,"gracefulDecommissionTimeout":"3600s"}}}
            """)
            #expect(refused.status == .badRequest)
            let fields = refused.array("error.details[0].fieldViolations").compactMap { ($0 as? [String: Any])?["field"] as? String }
            #expect(fields == ["id", "basicAlgorithm.cooldownPeriod", "basicAlgorithm.yarnConfig.scaleUpFactor"])
            let noWorkers = try await client.call(.post, "\(base)/autoscalingPolicies", #"{"id":"pol2","basicAlgorithm":{}}"#)
            #expect(noWorkers.string("error.details[0].fieldViolations[0].field") == "workerConfig")
        }
    }

    @Test func aPolicyInUseCannotBeDeletedUntilTheClusterDropsIt() async throws {
        try await withAPI { client, _ in
            _ = try await client.call(.post, "\(base)/autoscalingPolicies", Self.policy)
            try await client.createCluster(
                "c1", body: "") // without a policy
            let attach = try await client.call(.patch, "\(base)/clusters/c1?updateMask=config.autoscaling_config.policy_uri",
                                               #"{"config":{"autoscalingConfig":{"policyUri":"projects/demo/regions/us-central1/autoscalingPolicies/pol1"}}}"#)
            _ = try await client.waitForOperation(try #require(attach.string("name")))
            #expect(try await client.call(.get, "\(base)/clusters/c1").string("config.autoscalingConfig.policyUri")
                == "projects/demo/regions/us-central1/autoscalingPolicies/pol1")
            let inUse = try await client.call(.delete, "\(base)/autoscalingPolicies/pol1")
            #expect(inUse.status == .badRequest)
            #expect(inUse.string("error.status") == "FAILED_PRECONDITION")
            #expect(inUse.string("error.message")?.contains("in use by cluster projects/demo/regions/us-central1/clusters/c1") == true)
            let detach = try await client.call(.patch, "\(base)/clusters/c1?updateMask=config.autoscaling_config.policy_uri", "{}")
            _ = try await client.waitForOperation(try #require(detach.string("name")))
            #expect(try await client.call(.delete, "\(base)/autoscalingPolicies/pol1").status == .ok)
        }
    }
}

@Suite("Scaling history")
struct ScalingHistoryRouteTests {
    @Test("a cluster's autoscaling evaluations, no-change ones included, are served at :scalingHistory")
    func scalingHistoryListsEveryEvaluation() async throws {
        let clock = ManualClusterClock()
        try await withAPI(clock: clock) { client, _ in
            _ = try await client.call(.post, "\(base)/autoscalingPolicies", PolicyRouteTests.policy)
            try await client.createCluster(
                "c1", body: #","config":{"autoscalingConfig":{"policyUri":"projects/demo/regions/us-central1/autoscalingPolicies/pol1"}}"#)
            #expect(try await client.call(.get, "\(base)/clusters/c1:scalingHistory").array("entries").isEmpty)
            // The cluster's timer and the autoscaler's sampler sleep on the clock; let each minute settle.
            await clock.waitForSleepers(2)
            for _ in 0..<8 {
                clock.advance(by: .seconds(60))
                await clock.waitForSleepers(2)
            }
            // Once per 240 s cooldown from the attachment, the idle cluster at its minimum is evaluated: no change, and why.
            let entries = try await client.call(.get, "\(base)/clusters/c1:scalingHistory").array("entries").compactMap { $0 as? [String: Any] }
            #expect(entries.compactMap { $0["time"] as? String } == [time(clock, plus: -240), time(clock)])
            for entry in entries {
                #expect(JSONResponse.value(entry, at: "outcome.noChange") != nil)
                #expect(JSONResponse.value(entry, at: "decision.targetPrimaryWorkers") as? Int == 2)
                #expect((JSONResponse.value(entry, at: "decision.reason") as? String)?.hasPrefix("no change: ") == true)
                #expect(JSONResponse.value(entry, at: "decision.averages.sampleCount") as? Int == 4)
            }
            #expect(try await client.call(.get, "\(base)/clusters/none:scalingHistory").status == .notFound)
        }
    }
}
