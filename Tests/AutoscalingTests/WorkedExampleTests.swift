import Autoscaling
import Foundation
import Testing

/// DATAPROC.md §6 worked examples A–D, n1-standard-4 workers (12288 MB each).
@Suite struct WorkedExampleTests {
    @Test func exampleAScalesTwoWorkersUpToFive() {
        let policy = makePolicy(scaleUpFactor: 0.5)
        let decision = policy.decideScaling(window: steadyWindow(pendingMB: 61_440, availableMB: 0), shape: shape(2))
        #expect(decision.exactDelta == 5)
        #expect(decision.delta == 3)
        #expect(decision.targetPrimaryWorkers == 5)
        #expect(decision.targetSecondaryWorkers == 0)
        #expect(decision.reason == "scale up from 2 to 5 workers (primary 2 → 5, secondary 0 → 0): exactΔ 5 × scaleUpFactor 0.5 = 2.5, rounded up to 3 workers")
    }

    @Test func exampleBScalesTenWorkersDownToEight() {
        let policy = makePolicy(scaleDownFactor: 0.5, scaleDownMinWorkerFraction: 0.1)
        let decision = policy.decideScaling(window: steadyWindow(pendingMB: 0, availableMB: 61_440), shape: shape(10))
        #expect(decision.exactDelta == -5)
        #expect(decision.delta == -2)
        #expect(decision.targetPrimaryWorkers == 8)
        #expect(decision.changesCluster)
    }

    @Test func exampleBWithSmallDownFactorKeepsTenWorkers() {
        let policy = makePolicy(scaleDownFactor: 0.1, scaleDownMinWorkerFraction: 0.1)
        let decision = policy.decideScaling(window: steadyWindow(pendingMB: 0, availableMB: 61_440), shape: shape(10))
        #expect(decision.delta == 0)
        #expect(decision.targetPrimaryWorkers == 10)
        #expect(!decision.changesCluster)
        #expect(decision.reason == "no change: exactΔ -5 × scaleDownFactor 0.1 = -0.5, truncated to 0 workers")
    }

    /// Pending memory averages to 17203.2 MB: four samples of 17203 and one of 17204.
    private var exampleCWindow: [YarnMetricsSample] {
        [17_203, 17_203, 17_204, 17_203, 17_203].enumerated().map { index, pending in
            YarnMetricsSample(time: Date(timeIntervalSince1970: Double(index) * 30), pendingMemoryMB: pending, availableMemoryMB: 0)
        }
    }

    @Test func exampleCScalesTwentyWorkersUpToTwentyTwo() {
        let policy = makePolicy(scaleUpFactor: 1, scaleUpMinWorkerFraction: 0.1)
        let decision = policy.decideScaling(window: exampleCWindow, shape: shape(20))
        #expect(abs(decision.exactDelta - 1.4) < 1e-9)
        #expect(decision.delta == 2)
        #expect(decision.targetPrimaryWorkers == 22)
    }

    @Test func exampleCBelowMinWorkerFractionKeepsTwentyWorkers() {
        let policy = makePolicy(scaleUpFactor: 1, scaleUpMinWorkerFraction: 0.15)
        let decision = policy.decideScaling(window: exampleCWindow, shape: shape(20))
        #expect(decision.delta == 2)
        #expect(decision.targetPrimaryWorkers == 20)
        #expect(decision.reason == "no change: exactΔ 1.4 × scaleUpFactor 1 = 1.4, rounded up to 2 workers; scale-up of 2 workers is below scaleUpMinWorkerFraction 0.15 × 20 workers = 3")
    }

    private let exampleDPolicy = makePolicy(
        primary: .init(minInstances: 2, maxInstances: 4, weight: 1),
        secondary: .init(minInstances: 0, maxInstances: 10, weight: 1)
    )

    @Test func exampleDSplitsEightWorkersEvenly() {
        let decision = exampleDPolicy.decideScaling(window: steadyWindow(pendingMB: 73_728, availableMB: 0), shape: shape(2, 0))
        #expect(decision.exactDelta == 6)
        #expect(decision.delta == 6)
        #expect(decision.targetPrimaryWorkers == 4)
        #expect(decision.targetSecondaryWorkers == 4)
    }

    @Test func exampleDWithThirtyFillsBothGroupsToTheirMaximum() {
        let decision = exampleDPolicy.decideScaling(window: window(exactDelta: 30), shape: shape(2, 0))
        #expect(decision.delta == 30)
        #expect(decision.targetPrimaryWorkers == 4)
        #expect(decision.targetSecondaryWorkers == 10)
        #expect(decision.reason == "scale up from 2 to 14 workers (primary 2 → 4, secondary 0 → 10): exactΔ 30 × scaleUpFactor 1 = 30, rounded up to 30 workers; scale-up limited to 12 workers by the group bounds and weights (primary 2–4 weight 1, secondary 0–10 weight 1)")
    }
}
