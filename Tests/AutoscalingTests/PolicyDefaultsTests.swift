import Autoscaling
import Cluster
import Testing

@Suite struct PolicyDefaultsTests {
    private let minimalJSON = """
        {"id": "minimal", "workerConfig": {"maxInstances": 5},
         "basicAlgorithm": {"yarnConfig": {"gracefulDecommissionTimeout": "0s", "scaleUpFactor": 1, "scaleDownFactor": 1}}}
        """

    @Test func primaryMinimumDefaultsToTwo() throws {
        let policy = try decodePolicy(minimalJSON)
        #expect(policy.workerConfig.minInstances == nil)
        #expect(policy.primaryLimits.minInstances == 2)
        #expect(policy.primaryLimits.maxInstances == 5)
    }

    @Test func absentSecondaryConfigMeansNoSecondaryWorkers() throws {
        let policy = try decodePolicy(minimalJSON)
        #expect(policy.secondaryWorkerConfig == nil)
        #expect(policy.secondaryLimits == WorkerGroupLimits(minInstances: 0, maxInstances: 0, weight: 1))
    }

    @Test func cooldownDefaultsToTwoMinutes() throws {
        #expect(try decodePolicy(minimalJSON).basicAlgorithm.cooldownPeriod == GoogleDuration(seconds: 120))
    }

    @Test func minimumWorkerFractionsDefaultToZero() throws {
        let yarn = try decodePolicy(minimalJSON).basicAlgorithm.yarnConfig
        #expect(yarn.scaleUpMinWorkerFraction == 0)
        #expect(yarn.scaleDownMinWorkerFraction == 0)
    }

    @Test func zeroMinimumMeansTheDefaultAsInProto3() {
        let policy = makePolicy(primary: .init(minInstances: 0, maxInstances: 5))
        #expect(policy.primaryLimits.minInstances == 2)
        #expect(throws: Never.self) { try policy.validate() }
    }

    /// (primary weight, secondary weight) as set → as resolved.
    @Test(arguments: [
        (nil, nil, 1, 1),
        (3, nil, 3, 0),
        (nil, 2, 0, 2),
        (1, 3, 1, 3),
        (0, 0, 1, 1),
        (0, 4, 0, 4),
    ] as [(Int?, Int?, Int, Int)])
    func weightsFollowDataprocRules(primary: Int?, secondary: Int?, resolvedPrimary: Int, resolvedSecondary: Int) {
        let policy = makePolicy(
            primary: .init(maxInstances: 10, weight: primary),
            secondary: .init(maxInstances: 10, weight: secondary)
        )
        #expect(policy.primaryLimits.weight == resolvedPrimary)
        #expect(policy.secondaryLimits.weight == resolvedSecondary)
    }
}
