import Autoscaling
import Foundation
import Testing

@Suite struct DeltaTests {
    /// DATAPROC.md §6 step 2: (exactΔ, factor) → Δ.
    @Test(arguments: [
        (5.0, 0.5, 3),
        (5.0, 0.1, 1),
        (-5.0, 0.5, -2),
        (-5.0, 0.1, 0),
    ])
    func docExamplesRoundUpAndTruncateDown(exactDelta: Double, factor: Double, expected: Int) {
        let policy = makePolicy(scaleUpFactor: factor, scaleDownFactor: factor)
        let decision = policy.decideScaling(window: window(exactDelta: exactDelta), shape: shape(20))
        #expect(decision.exactDelta == exactDelta)
        #expect(decision.delta == expected)
        #expect(decision.targetPrimaryWorkers == 20 + expected)
    }

    /// 25 × 0.28 is 7.000000000000001 and −50 × 0.58 is −28.999999999999996 in doubles.
    @Test(arguments: [
        (25.0, 0.28, 7),
        (-50.0, 0.58, -29),
    ])
    func floatNoiseDoesNotAddOrDropAWorker(exactDelta: Double, factor: Double, expected: Int) {
        let policy = makePolicy(scaleUpFactor: factor, scaleDownFactor: factor)
        let decision = policy.decideScaling(window: window(exactDelta: exactDelta), shape: shape(60))
        #expect(decision.delta == expected)
    }

    @Test func zeroScaleDownFactorDisablesScaleDown() {
        let decision = makePolicy(scaleDownFactor: 0).decideScaling(window: window(exactDelta: -8), shape: shape(10))
        #expect(decision.delta == 0)
        #expect(!decision.changesCluster)
    }

    @Test func zeroScaleUpFactorDisablesScaleUp() {
        let decision = makePolicy(scaleUpFactor: 0).decideScaling(window: window(exactDelta: 8), shape: shape(10))
        #expect(decision.delta == 0)
        #expect(!decision.changesCluster)
    }

    @Test func balancedMemoryMeansNoChange() {
        let decision = makePolicy().decideScaling(window: steadyWindow(pendingMB: 4096, availableMB: 4096), shape: shape(3))
        #expect(decision.exactDelta == 0)
        #expect(decision.reason == "no change: exactΔ 0: pending memory equals available memory")
    }

    @Test func exactDeltaAveragesPendingMinusAvailableOverTheWindow() {
        let samples = [
            YarnMetricsSample(time: Date(timeIntervalSince1970: 0), pendingMemoryMB: 36_864, availableMemoryMB: 0),
            YarnMetricsSample(time: Date(timeIntervalSince1970: 60), pendingMemoryMB: 0, availableMemoryMB: 0),
            YarnMetricsSample(time: Date(timeIntervalSince1970: 120), pendingMemoryMB: 12_288, availableMemoryMB: 12_288),
        ]
        let decision = makePolicy().decideScaling(window: samples, shape: shape(4))
        #expect(decision.exactDelta == 1)
        #expect(decision.averages.pendingMemoryMB == 16_384)
        #expect(decision.averages.availableMemoryMB == 4096)
        #expect(decision.averages.sampleCount == 3)
        #expect(decision.averages.windowStart == Date(timeIntervalSince1970: 0))
        #expect(decision.averages.windowEnd == Date(timeIntervalSince1970: 120))
    }

    @Test func emptyWindowMeansNoChange() {
        let decision = makePolicy().decideScaling(window: [], shape: shape(4))
        #expect(!decision.changesCluster)
        #expect(decision.reason == "no change: no YARN metrics in the window")
    }

    @Test func unknownNodeManagerMemoryMeansNoChange() {
        let shape = ClusterShape(primaryWorkers: 4, nodeManagerMemoryMB: 0)
        let decision = makePolicy().decideScaling(window: window(exactDelta: 5), shape: shape)
        #expect(!decision.changesCluster)
        #expect(decision.reason.hasPrefix("no change: NodeManager memory is 0 MB"))
    }
}

@Suite struct ThresholdTests {
    /// Field doc: 20 workers and a fraction of 0.1 need a change of at least 2 workers.
    @Test(arguments: [
        (1.0, 20, false),
        (2.0, 20, true),
        (3.0, 20, true),
    ])
    func scaleUpNeedsTheMinimumWorkerFraction(exactDelta: Double, workers: Int, scales: Bool) {
        let policy = makePolicy(scaleUpMinWorkerFraction: 0.1)
        let decision = policy.decideScaling(window: window(exactDelta: exactDelta), shape: shape(workers))
        #expect(decision.changesCluster == scales)
    }

    @Test(arguments: [
        (-1.0, false),
        (-2.0, true),
    ])
    func scaleDownNeedsTheMinimumWorkerFraction(exactDelta: Double, scales: Bool) {
        let policy = makePolicy(scaleDownMinWorkerFraction: 0.1)
        let decision = policy.decideScaling(window: window(exactDelta: exactDelta), shape: shape(20))
        #expect(decision.changesCluster == scales)
    }

    @Test func scaleDownBelowFractionSaysSo() {
        let policy = makePolicy(scaleDownMinWorkerFraction: 0.2)
        let decision = policy.decideScaling(window: window(exactDelta: -1), shape: shape(10))
        #expect(decision.reason == "no change: exactΔ -1 × scaleDownFactor 1 = -1, truncated to -1 worker; scale-down of 1 worker is below scaleDownMinWorkerFraction 0.2 × 10 workers = 2")
    }

    @Test func fractionCountsPrimaryAndSecondaryWorkers() {
        let policy = makePolicy(
            primary: .init(maxInstances: 20),
            secondary: .init(maxInstances: 20),
            scaleUpMinWorkerFraction: 0.25
        )
        // 4 + 4 workers: a scale-up of 2 meets 0.25 × 8; counting primaries only would need 1.
        #expect(policy.decideScaling(window: window(exactDelta: 2), shape: shape(4, 4)).changesCluster)
        #expect(!policy.decideScaling(window: window(exactDelta: 1), shape: shape(4, 4)).changesCluster)
    }
}
