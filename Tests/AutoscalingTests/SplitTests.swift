import Autoscaling
import Testing

/// How a change is spread over primary and secondary workers.
@Suite struct SplitTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var primary: InstanceGroupAutoscalingPolicyConfig
        var secondary: InstanceGroupAutoscalingPolicyConfig?
        var current: (Int, Int)
        var exactDelta: Double
        var expected: (Int, Int)
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "equal weights (none set) fill the emptier group first",
             primary: .init(maxInstances: 10), secondary: .init(maxInstances: 10),
             current: (2, 0), exactDelta: 4, expected: (3, 3)),
        Case(name: "equal weights give an odd worker to the primary group on scale-up",
             primary: .init(maxInstances: 10), secondary: .init(maxInstances: 10),
             current: (2, 2), exactDelta: 1, expected: (3, 2)),
        Case(name: "equal weights remove secondary workers first on scale-down",
             primary: .init(maxInstances: 10), secondary: .init(maxInstances: 10),
             current: (5, 5), exactDelta: -1, expected: (5, 4)),
        Case(name: "equal weights scale down toward balance",
             primary: .init(maxInstances: 10), secondary: .init(maxInstances: 10),
             current: (5, 5), exactDelta: -4, expected: (3, 3)),
        Case(name: "scale-up never shrinks the other group",
             primary: .init(maxInstances: 10), secondary: .init(maxInstances: 10),
             current: (10, 0), exactDelta: 2, expected: (10, 2)),
        Case(name: "scale-down never grows the other group",
             primary: .init(maxInstances: 10), secondary: .init(maxInstances: 10),
             current: (2, 8), exactDelta: -2, expected: (2, 6)),
        Case(name: "primary-only weight never adds secondary workers",
             primary: .init(maxInstances: 4, weight: 1), secondary: .init(maxInstances: 10),
             current: (2, 0), exactDelta: 6, expected: (4, 0)),
        Case(name: "primary-only weight drains secondary workers first",
             primary: .init(maxInstances: 10, weight: 1), secondary: .init(maxInstances: 10),
             current: (4, 3), exactDelta: -2, expected: (4, 1)),
        Case(name: "primary-only weight drains secondary workers, then primary ones",
             primary: .init(maxInstances: 10, weight: 1), secondary: .init(maxInstances: 10),
             current: (4, 1), exactDelta: -2, expected: (3, 0)),
        Case(name: "secondary-only weight grows secondary workers only",
             primary: .init(maxInstances: 10), secondary: .init(maxInstances: 10, weight: 2),
             current: (2, 0), exactDelta: 5, expected: (2, 5)),
        Case(name: "secondary-only weight keeps primary workers at their minimum on scale-down",
             primary: .init(maxInstances: 10), secondary: .init(maxInstances: 10, weight: 2),
             current: (6, 4), exactDelta: -5, expected: (2, 3)),
        Case(name: "secondary-heavy weights 1:3 keep the primary group near a quarter",
             primary: .init(maxInstances: 10, weight: 1), secondary: .init(maxInstances: 20, weight: 3),
             current: (2, 0), exactDelta: 6, expected: (2, 6)),
        Case(name: "secondary-heavy weights 1:3 grow both groups once balanced",
             primary: .init(maxInstances: 10, weight: 1), secondary: .init(maxInstances: 20, weight: 3),
             current: (2, 6), exactDelta: 4, expected: (3, 9)),
        Case(name: "a full secondary group hands its remainder to the primary group",
             primary: .init(maxInstances: 10, weight: 1), secondary: .init(maxInstances: 3, weight: 3),
             current: (2, 0), exactDelta: 6, expected: (5, 3)),
        Case(name: "no secondary config means primary workers only",
             primary: .init(maxInstances: 10), secondary: nil,
             current: (2, 0), exactDelta: 3, expected: (5, 0)),
        Case(name: "scale-down stops at both minimums",
             primary: .init(minInstances: 3, maxInstances: 10), secondary: .init(minInstances: 1, maxInstances: 10),
             current: (4, 2), exactDelta: -10, expected: (3, 1)),
        Case(name: "scale-up stops at both maximums",
             primary: .init(maxInstances: 4), secondary: .init(maxInstances: 10),
             current: (2, 0), exactDelta: 100, expected: (4, 10)),
    ]

    @Test(arguments: cases)
    func splitsByWeightWithinBounds(_ testCase: Case) {
        let policy = makePolicy(primary: testCase.primary, secondary: testCase.secondary)
        let decision = policy.decideScaling(
            window: window(exactDelta: testCase.exactDelta),
            shape: shape(testCase.current.0, testCase.current.1)
        )
        #expect(decision.targetPrimaryWorkers == testCase.expected.0)
        #expect(decision.targetSecondaryWorkers == testCase.expected.1)
    }

    @Test func groupsAtTheirMaximumMeanNoChange() {
        let policy = makePolicy(primary: .init(maxInstances: 4), secondary: .init(maxInstances: 2))
        let decision = policy.decideScaling(window: window(exactDelta: 3), shape: shape(4, 2))
        #expect(!decision.changesCluster)
        #expect(decision.delta == 3)
        #expect(decision.reason == "no change: exactΔ 3 × scaleUpFactor 1 = 3, rounded up to 3 workers; scale-up limited to 0 workers by the group bounds and weights (primary 2–4 weight 1, secondary 0–2 weight 1)")
    }
}

/// Counts outside the policy's bounds, e.g. after a manual resize.
@Suite struct BoundsTests {
    @Test func primaryBelowMinimumIsRaisedEvenWithoutScaling() {
        let decision = makePolicy(primary: .init(maxInstances: 10)).decideScaling(window: window(exactDelta: 0), shape: shape(1))
        #expect(decision.targetPrimaryWorkers == 2)
        #expect(decision.reason == "scale up from 1 to 2 workers (primary 1 → 2, secondary 0 → 0): exactΔ 0: pending memory equals available memory; primary 1 is below workerConfig.minInstances 2")
    }

    @Test func secondaryAboveMaximumIsLoweredEvenBelowTheFraction() {
        let policy = makePolicy(
            primary: .init(maxInstances: 10), secondary: .init(maxInstances: 3), scaleUpMinWorkerFraction: 0.5)
        let decision = policy.decideScaling(window: window(exactDelta: 1), shape: shape(2, 6))
        #expect(decision.targetPrimaryWorkers == 2)
        #expect(decision.targetSecondaryWorkers == 3)
        #expect(decision.reason.hasSuffix("secondary 6 is above secondaryWorkerConfig.maxInstances 3"))
    }

    @Test func primaryAboveMaximumIsLoweredWithoutMetrics() {
        let decision = makePolicy(primary: .init(maxInstances: 5)).decideScaling(window: [], shape: shape(8))
        #expect(decision.targetPrimaryWorkers == 5)
        #expect(decision.reason == "scale down from 8 to 5 workers (primary 8 → 5, secondary 0 → 0): no YARN metrics in the window; primary 8 is above workerConfig.maxInstances 5")
    }

    @Test func scaleUpFromBelowTheMinimumAimsAtCurrentPlusDelta() {
        // 1 worker + Δ 3 = 4: one worker to reach the minimum, two more for the load.
        let decision = makePolicy(primary: .init(maxInstances: 10)).decideScaling(window: window(exactDelta: 3), shape: shape(1))
        #expect(decision.targetPrimaryWorkers == 4)
    }

    @Test func boundsCorrectionDoesNotTurnScaleUpIntoScaleDown() {
        // Primary 0 → 2 already adds two workers; Δ +1 must not then remove a secondary.
        let policy = makePolicy(primary: .init(maxInstances: 10), secondary: .init(maxInstances: 10))
        let decision = policy.decideScaling(window: window(exactDelta: 1), shape: shape(0, 5))
        #expect(decision.targetPrimaryWorkers == 2)
        #expect(decision.targetSecondaryWorkers == 5)
    }

    @Test func boundsCorrectionDoesNotTurnScaleDownIntoScaleUp() {
        let policy = makePolicy(primary: .init(maxInstances: 4), secondary: .init(maxInstances: 10))
        let decision = policy.decideScaling(window: window(exactDelta: -1), shape: shape(6, 1))
        #expect(decision.targetPrimaryWorkers == 4)
        #expect(decision.targetSecondaryWorkers == 1)
    }
}
