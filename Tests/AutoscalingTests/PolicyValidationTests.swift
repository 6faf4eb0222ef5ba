import Autoscaling
import Cluster
import Testing

@Suite struct PolicyValidationTests {
    /// The single violation `policy.validate()` reports, or nil when it passes.
    private func violation(of policy: AutoscalingPolicy) -> AutoscalingPolicyError.FieldViolation? {
        do {
            try policy.validate()
            return nil
        } catch {
            #expect(error.violations.count == 1, "\(error.message)")
            return error.violations.first
        }
    }

    private func policy(cooldown: GoogleDuration = GoogleDuration(seconds: 120), timeout: GoogleDuration = GoogleDuration(seconds: 3600)) -> AutoscalingPolicy {
        var policy = makePolicy()
        policy.basicAlgorithm.cooldownPeriod = cooldown
        policy.basicAlgorithm.yarnConfig.gracefulDecommissionTimeout = timeout
        return policy
    }

    @Test func validPolicyPasses() throws {
        try makePolicy(primary: .init(minInstances: 2, maxInstances: 2), secondary: .init(minInstances: 0, maxInstances: 0)).validate()
    }

    @Test(arguments: [
        (60, "basicAlgorithm.cooldownPeriod must be between 2m and 1d, got 60s"),
        (119, "basicAlgorithm.cooldownPeriod must be between 2m and 1d, got 119s"),
        (86_401, "basicAlgorithm.cooldownPeriod must be between 2m and 1d, got 86401s"),
    ] as [(Int64, String)])
    func cooldownOutsideTwoMinutesToOneDayIsRejected(seconds: Int64, message: String) {
        let found = violation(of: policy(cooldown: GoogleDuration(seconds: seconds)))
        #expect(found == .init(field: "basicAlgorithm.cooldownPeriod", description: message))
    }

    @Test(arguments: [120, 86_400] as [Int64])
    func cooldownAtItsBoundsIsAccepted(seconds: Int64) {
        #expect(violation(of: policy(cooldown: GoogleDuration(seconds: seconds))) == nil)
    }

    @Test func decommissionTimeoutAboveOneDayIsRejected() {
        let found = violation(of: policy(timeout: GoogleDuration(seconds: 172_800)))
        #expect(found == .init(
            field: "basicAlgorithm.yarnConfig.gracefulDecommissionTimeout",
            description: "basicAlgorithm.yarnConfig.gracefulDecommissionTimeout must be between 0s and 1d, got 172800s"))
    }

    @Test(arguments: [0, 86_400] as [Int64])
    func decommissionTimeoutAtItsBoundsIsAccepted(seconds: Int64) {
        #expect(violation(of: policy(timeout: GoogleDuration(seconds: seconds))) == nil)
    }

    @Test(arguments: [
        ("scaleUpFactor", 1.5, "basicAlgorithm.yarnConfig.scaleUpFactor must be between 0 and 1, got 1.5"),
        ("scaleDownFactor", -0.1, "basicAlgorithm.yarnConfig.scaleDownFactor must be between 0 and 1, got -0.1"),
        ("scaleUpMinWorkerFraction", 2, "basicAlgorithm.yarnConfig.scaleUpMinWorkerFraction must be between 0 and 1, got 2"),
        ("scaleDownMinWorkerFraction", .nan, "basicAlgorithm.yarnConfig.scaleDownMinWorkerFraction must be between 0 and 1, got nan"),
    ] as [(String, Double, String)])
    func factorsOutsideZeroToOneAreRejected(key: String, value: Double, message: String) {
        var policy = makePolicy()
        switch key {
        case "scaleUpFactor": policy.basicAlgorithm.yarnConfig.scaleUpFactor = value
        case "scaleDownFactor": policy.basicAlgorithm.yarnConfig.scaleDownFactor = value
        case "scaleUpMinWorkerFraction": policy.basicAlgorithm.yarnConfig.scaleUpMinWorkerFraction = value
        default: policy.basicAlgorithm.yarnConfig.scaleDownMinWorkerFraction = value
        }
        #expect(violation(of: policy) == .init(field: "basicAlgorithm.yarnConfig.\(key)", description: message))
    }

    @Test(arguments: [
        (InstanceGroupAutoscalingPolicyConfig(minInstances: 1, maxInstances: 5), nil,
         "workerConfig.minInstances", "workerConfig.minInstances must be at least 2, got 1"),
        (InstanceGroupAutoscalingPolicyConfig(maxInstances: 0), nil,
         "workerConfig.maxInstances", "workerConfig.maxInstances must be at least workerConfig.minInstances (2), got 0"),
        (InstanceGroupAutoscalingPolicyConfig(minInstances: 6, maxInstances: 5), nil,
         "workerConfig.maxInstances", "workerConfig.maxInstances must be at least workerConfig.minInstances (6), got 5"),
        (InstanceGroupAutoscalingPolicyConfig(maxInstances: 5, weight: -1), nil,
         "workerConfig.weight", "workerConfig.weight must be at least 0, got -1"),
        (InstanceGroupAutoscalingPolicyConfig(maxInstances: 5), InstanceGroupAutoscalingPolicyConfig(minInstances: 3, maxInstances: 0),
         "secondaryWorkerConfig.maxInstances", "secondaryWorkerConfig.maxInstances must be at least secondaryWorkerConfig.minInstances (3), got 0"),
        (InstanceGroupAutoscalingPolicyConfig(maxInstances: 5), InstanceGroupAutoscalingPolicyConfig(minInstances: -1, maxInstances: 4),
         "secondaryWorkerConfig.minInstances", "secondaryWorkerConfig.minInstances must be at least 0, got -1"),
    ] as [(InstanceGroupAutoscalingPolicyConfig, InstanceGroupAutoscalingPolicyConfig?, String, String)])
    func groupBoundsAreChecked(
        primary: InstanceGroupAutoscalingPolicyConfig,
        secondary: InstanceGroupAutoscalingPolicyConfig?,
        field: String,
        message: String
    ) {
        #expect(violation(of: makePolicy(primary: primary, secondary: secondary)) == .init(field: field, description: message))
    }

    @Test(arguments: ["abc", "my-policy_1", "A1b", String(repeating: "x", count: 50)])
    func wellFormedIDsAreAccepted(id: String) {
        #expect(AutoscalingPolicy.isValidID(id))
    }

    @Test(arguments: ["", "ab", "-abc", "abc-", "_abc", "abc_", "a.bc", "a bc", "pólicy", String(repeating: "x", count: 51)])
    func malformedIDsAreRejected(id: String) {
        var policy = makePolicy()
        policy.id = id
        #expect(violation(of: policy) == .init(
            field: "id",
            description: "id must be 3 to 50 characters of letters, digits, '_' and '-', not starting or ending with '_' or '-', got \"\(id)\""))
    }

    @Test func everyViolationIsReportedInFieldOrder() {
        var policy = makePolicy(primary: .init(minInstances: 1, maxInstances: 5), scaleUpFactor: 3)
        policy.id = "x"
        policy.basicAlgorithm.cooldownPeriod = GoogleDuration(seconds: 60)
        #expect(throws: AutoscalingPolicyError.self) { try policy.validate() }
        do {
            try policy.validate()
        } catch {
            #expect(error.violations.map(\.field) == [
                "id", "workerConfig.minInstances", "basicAlgorithm.cooldownPeriod", "basicAlgorithm.yarnConfig.scaleUpFactor",
            ])
            #expect(error.message.hasPrefix("id must be 3 to 50 characters"))
            #expect(error.message.hasSuffix("; basicAlgorithm.yarnConfig.scaleUpFactor must be between 0 and 1, got 3"))
        }
    }
}
