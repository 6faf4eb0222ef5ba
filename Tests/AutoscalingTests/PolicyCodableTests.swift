import Autoscaling
import Cluster
import Foundation
import Testing

@Suite struct PolicyCodableTests {
    /// What `gcloud dataproc autoscaling-policies import` posts for a typical YAML file.
    private func gcloudJSON(cooldown: String, timeout: String) -> String {
        """
        {
          "id": "etl-policy",
          "workerConfig": {"minInstances": 2, "maxInstances": 10, "weight": 1},
          "secondaryWorkerConfig": {"maxInstances": 50, "weight": 1},
          "basicAlgorithm": {
            "cooldownPeriod": "\(cooldown)",
            "yarnConfig": {
              "gracefulDecommissionTimeout": "\(timeout)",
              "scaleUpFactor": 0.5,
              "scaleDownFactor": 1.0,
              "scaleUpMinWorkerFraction": 0.1
            }
          },
          "labels": {"team": "data"}
        }
        """
    }

    @Test func decodesWhatGcloudImportSends() throws {
        let policy = try decodePolicy(gcloudJSON(cooldown: "240s", timeout: "3600s"))
        #expect(policy.id == "etl-policy")
        #expect(policy.name == nil)
        #expect(policy.workerConfig == .init(minInstances: 2, maxInstances: 10, weight: 1))
        #expect(policy.secondaryWorkerConfig == .init(maxInstances: 50, weight: 1))
        #expect(policy.basicAlgorithm.cooldownPeriod == GoogleDuration(seconds: 240))
        #expect(policy.basicAlgorithm.yarnConfig == BasicYarnAutoscalingConfig(
            gracefulDecommissionTimeout: GoogleDuration(seconds: 3600),
            scaleUpFactor: 0.5, scaleDownFactor: 1, scaleUpMinWorkerFraction: 0.1))
        #expect(policy.labels == ["team": "data"])
        #expect(policy.clusterType == .unspecified)
        try policy.validate()
    }

    @Test func shortDurationsDecodeLikeSeconds() throws {
        let short = try decodePolicy(gcloudJSON(cooldown: "4m", timeout: "1h"))
        let seconds = try decodePolicy(gcloudJSON(cooldown: "240s", timeout: "3600s"))
        #expect(short == seconds)
    }

    @Test func encodesProto3JSONWithDurationsInSeconds() throws {
        let policy = try decodePolicy(gcloudJSON(cooldown: "4m", timeout: "1h"))
        #expect(try encodeSorted(policy) == """
            {"basicAlgorithm":{"cooldownPeriod":"240s","yarnConfig":{"gracefulDecommissionTimeout":"3600s","scaleDownFactor":1,"scaleUpFactor":0.5,"scaleUpMinWorkerFraction":0.1}},"id":"etl-policy","labels":{"team":"data"},"secondaryWorkerConfig":{"maxInstances":50,"weight":1},"workerConfig":{"maxInstances":10,"minInstances":2,"weight":1}}
            """)
    }

    @Test func encodingOmitsZeroAndAbsentFields() throws {
        var policy = makePolicy(primary: .init(maxInstances: 4), secondary: .init(minInstances: 0, maxInstances: 0), scaleDownFactor: 0)
        policy.basicAlgorithm.yarnConfig.gracefulDecommissionTimeout = GoogleDuration(seconds: 0)
        #expect(try encodeSorted(policy) == """
            {"basicAlgorithm":{"cooldownPeriod":"120s","yarnConfig":{"gracefulDecommissionTimeout":"0s","scaleUpFactor":1}},"id":"test-policy","secondaryWorkerConfig":{},"workerConfig":{"maxInstances":4}}
            """)
    }

    @Test func roundTripsThroughJSON() throws {
        var policy = makePolicy(
            primary: .init(minInstances: 3, maxInstances: 8, weight: 2),
            secondary: .init(minInstances: 1, maxInstances: 20, weight: 5),
            scaleUpFactor: 0.25, scaleDownFactor: 0.75,
            scaleUpMinWorkerFraction: 0.05, scaleDownMinWorkerFraction: 0.2)
        policy.name = "projects/demo/regions/us-central1/autoscalingPolicies/test-policy"
        policy.labels = ["env": "test"]
        policy.clusterType = .zeroScale
        let data = try JSONEncoder().encode(policy)
        #expect(try JSONDecoder().decode(AutoscalingPolicy.self, from: data) == policy)
    }

    @Test func acceptsNumbersAsStringsAndEnumNumbersAsThePythonClientMaySend() throws {
        let policy = try decodePolicy("""
            {"id": "py-policy", "clusterType": 2,
             "workerConfig": {"maxInstances": "6"},
             "basicAlgorithm": {"yarnConfig": {"gracefulDecommissionTimeout": "30s", "scaleUpFactor": "0.5", "scaleDownFactor": 1}}}
            """)
        #expect(policy.clusterType == .zeroScale)
        #expect(policy.workerConfig.maxInstances == 6)
        #expect(policy.basicAlgorithm.yarnConfig.scaleUpFactor == 0.5)
    }

    @Test(arguments: [("\"STANDARD\"", AutoscalingPolicy.ClusterType.standard), ("\"ZERO_SCALE\"", .zeroScale), ("1", .standard)])
    func clusterTypeDecodesNamesAndNumbers(json: String, expected: AutoscalingPolicy.ClusterType) throws {
        let policy = try decodePolicy("""
            {"id": "typed", "clusterType": \(json), "workerConfig": {"maxInstances": 2},
             "basicAlgorithm": {"yarnConfig": {"gracefulDecommissionTimeout": "0s"}}}
            """)
        #expect(policy.clusterType == expected)
        #expect(try encodeSorted(policy).contains("\"clusterType\":\"\(expected.rawValue)\""))
    }

    @Test func idIsTakenFromNameWhenAbsentAsInAPutBody() throws {
        let policy = try decodePolicy("""
            {"name": "projects/demo/regions/us-central1/autoscalingPolicies/from-name",
             "workerConfig": {"maxInstances": 2}, "basicAlgorithm": {"yarnConfig": {"gracefulDecommissionTimeout": "0s"}}}
            """)
        #expect(policy.id == "from-name")
    }

    @Test(arguments: [
        (#"{"id": "p1", "basicAlgorithm": {"yarnConfig": {"gracefulDecommissionTimeout": "0s"}}}"#,
         "workerConfig", "workerConfig is required; set at least workerConfig.maxInstances"),
        (#"{"id": "p1", "workerConfig": {"maxInstances": 2}}"#,
         "basicAlgorithm", "basicAlgorithm is required; set basicAlgorithm.yarnConfig"),
        (#"{"id": "p1", "workerConfig": {"maxInstances": 2}, "basicAlgorithm": {"cooldownPeriod": "2m"}}"#,
         "basicAlgorithm.yarnConfig", "basicAlgorithm.yarnConfig is required; set gracefulDecommissionTimeout, scaleUpFactor and scaleDownFactor"),
        (#"{"id": "p1", "workerConfig": {"maxInstances": 2}, "basicAlgorithm": {"yarnConfig": {"scaleUpFactor": 1}}}"#,
         "basicAlgorithm.yarnConfig.gracefulDecommissionTimeout",
         "basicAlgorithm.yarnConfig.gracefulDecommissionTimeout is required; set a duration between 0s and 1d, such as \"3600s\" or \"1h\""),
    ])
    func missingRequiredMessagesAreFieldViolations(json: String, field: String, message: String) {
        #expect(throws: AutoscalingPolicyError(field: field, description: message)) { try decodePolicy(json) }
    }

    @Test func malformedDurationIsADecodingError() {
        #expect(throws: DecodingError.self) { try decodePolicy(gcloudJSON(cooldown: "soon", timeout: "1h")) }
    }

    @Test func unknownClusterTypeIsADecodingError() {
        #expect(throws: DecodingError.self) {
            try decodePolicy("""
                {"id": "p1", "clusterType": "HUGE", "workerConfig": {"maxInstances": 2},
                 "basicAlgorithm": {"yarnConfig": {"gracefulDecommissionTimeout": "0s"}}}
                """)
        }
    }
}
