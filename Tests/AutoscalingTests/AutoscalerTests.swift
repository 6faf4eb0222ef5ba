import Cluster
import Autoscaling
import Foundation
import ResourceManager
import Testing

@Suite struct AutoscalerTests {
    /// An autoscaler with `policy` attached at time 0.
    func attached(_ policy: AutoscalingPolicy, historyLimit: Int = 1000) throws -> Autoscaler {
        var autoscaler = Autoscaler(configuration: .init(historyLimit: historyLimit))
        try autoscaler.onAttach(policy, at: at(0))
        return autoscaler
    }

    @Test func scalesUpUnderABacklogOneCooldownAfterAttaching() throws {
        var autoscaler = try attached(makePolicy(cooldownSeconds: 120, scaleUpFactor: 0.5))
        #expect(autoscaler.onSample(observation(pendingMB: 61_440), at: at(60)).isEmpty)
        let requests = resizes(autoscaler.onSample(observation(pendingMB: 61_440), at: at(120)))
        #expect(requests.count == 1)
        #expect(requests.first?.primaryWorkers == 5)
        #expect(requests.first?.secondaryWorkers == 0)
        #expect(requests.first?.gracefulDecommissionTimeout == .seconds(3600))
        #expect(autoscaler.history.entries.map(\.outcome) == [.inProgress(operationName: "autoscaler-1")])
        #expect(autoscaler.history.last?.averages.sampleCount == 2)
    }

    @Test func scalesDownWhenIdle() throws {
        var autoscaler = try attached(makePolicy(cooldownSeconds: 120, scaleDownFactor: 0.5))
        let idle = observation(primary: 10, availableMB: 61_440)
        _ = autoscaler.onSample(idle, at: at(60))
        let requests = resizes(autoscaler.onSample(idle, at: at(120)))
        #expect(requests.map(\.primaryWorkers) == [8])
    }

    @Test func recordsNoChangeWithItsReasonAndWaitsAnotherCooldown() throws {
        var autoscaler = try attached(makePolicy(cooldownSeconds: 120))
        #expect(autoscaler.onSample(observation(), at: at(120)).isEmpty)
        #expect(autoscaler.history.entries.map(\.outcome) == [.noChange])
        #expect(autoscaler.history.last?.decision.reason.hasPrefix("no change") == true)
        #expect(autoscaler.nextEvaluation == at(240))
    }

    @Test func noEvaluationBeforeACooldownHasPassedSinceTheOperationEnded() throws {
        var autoscaler = try attached(makePolicy(cooldownSeconds: 120))
        let backlog = observation(pendingMB: 24_576)
        #expect(resizes(autoscaler.onSample(backlog, at: at(120))).count == 1)
        // The update runs until 250 s: no evaluation meanwhile, whatever the metrics.
        for time in [180, 240] as [Int64] {
            #expect(autoscaler.onSample(observation(.updating, pendingMB: 24_576), at: at(time)).isEmpty)
        }
        autoscaler.onResizeFinished(requestID: "autoscaler-1", operationName: "operations/op-1", at: at(250))
        #expect(autoscaler.history.last?.outcome == .succeeded(operationName: "operations/op-1"))
        #expect(autoscaler.nextEvaluation == at(370))
        for time in [300, 360] as [Int64] {
            #expect(autoscaler.onSample(observation(primary: 4, pendingMB: 24_576), at: at(time)).isEmpty)
        }
        #expect(autoscaler.history.recordedCount == 1)
        let next = resizes(autoscaler.onSample(observation(primary: 4, pendingMB: 24_576), at: at(370)))
        #expect(next.map(\.primaryWorkers) == [6])
        // The window holds only samples taken after the operation ended.
        #expect(autoscaler.history.last?.averages.sampleCount == 3)
    }

    @Test func skipsWithAReasonWhileTheClusterIsNotRunning() throws {
        var autoscaler = try attached(makePolicy(cooldownSeconds: 120))
        for state in [ClusterState.stopped, .updating, .creating] {
            let actions = autoscaler.onSample(observation(state, pendingMB: 24_576), at: at(120))
            guard case let .skip(skip)? = actions.first else {
                Issue.record("expected a skip in \(state), got \(actions)")
                continue
            }
            #expect(skip.reason.contains("\(state), not RUNNING"))
        }
        #expect(autoscaler.history.recordedCount == 0)
        #expect(autoscaler.lastSkip != nil)
        #expect(resizes(autoscaler.onSample(observation(pendingMB: 24_576), at: at(180))).count == 1)
        #expect(autoscaler.lastSkip == nil)
    }

    @Test func keepsGroupsWithinTheirBounds() throws {
        var autoscaler = try attached(makePolicy(cooldownSeconds: 120, primary: .init(minInstances: 3, maxInstances: 6, weight: 1)))
        let huge = resizes(autoscaler.onSample(observation(pendingMB: 1_000_000), at: at(120)))
        #expect(huge.map(\.primaryWorkers) == [6])
        autoscaler.onResizeFinished(requestID: "autoscaler-1", at: at(200))
        let idle = resizes(autoscaler.onSample(observation(primary: 6, availableMB: 1_000_000), at: at(320)))
        #expect(idle.map(\.primaryWorkers) == [3])
    }

    @Test func spreadsWorkersOverTheGroupsByWeight() throws {
        let policy = makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 10, weight: 1), secondary: .init(maxInstances: 30, weight: 3))
        var autoscaler = try attached(policy)
        let requests = resizes(autoscaler.onSample(observation(pendingMB: 14 * n1Standard4MB), at: at(120)))
        #expect(requests.map(\.primaryWorkers) == [4])
        #expect(requests.map(\.secondaryWorkers) == [12])
    }

    @Test func detachingStopsEvaluationsAndKeepsTheHistory() throws {
        var autoscaler = try attached(makePolicy(cooldownSeconds: 120))
        _ = autoscaler.onSample(observation(), at: at(120))
        autoscaler.onDetach(at: at(130))
        #expect(!autoscaler.isAttached)
        #expect(autoscaler.onSample(observation(pendingMB: 24_576), at: at(600)).isEmpty)
        #expect(autoscaler.history.recordedCount == 1)

        try autoscaler.onAttach(makePolicy(cooldownSeconds: 300), at: at(1000))
        #expect(autoscaler.nextEvaluation == at(1300))
        #expect(autoscaler.onSample(observation(pendingMB: 24_576), at: at(1200)).isEmpty)
        #expect(resizes(autoscaler.onSample(observation(pendingMB: 24_576), at: at(1300))).count == 1)
        #expect(autoscaler.history.recordedCount == 2)
    }

    @Test func aResizeInFlightWhenDetachedIsStillRecorded() throws {
        var autoscaler = try attached(makePolicy(cooldownSeconds: 120))
        _ = autoscaler.onSample(observation(pendingMB: 24_576), at: at(120))
        autoscaler.onDetach(at: at(130))
        autoscaler.onResizeFinished(requestID: "autoscaler-1", error: "quota exceeded", at: at(200))
        #expect(autoscaler.history.last?.outcome == .failed(operationName: "autoscaler-1", message: "quota exceeded"))
        #expect(autoscaler.nextEvaluation == nil)
    }

    @Test func rejectsAnInvalidPolicy() {
        var autoscaler = Autoscaler()
        var policy = makePolicy(cooldownSeconds: 60)
        policy.basicAlgorithm.yarnConfig.scaleUpFactor = 2
        #expect(throws: AutoscalingPolicyError.self) { try autoscaler.onAttach(policy, at: at(0)) }
        #expect(!autoscaler.isAttached)
    }

    @Test func historyKeepsTheLatestEntries() throws {
        var autoscaler = try attached(makePolicy(cooldownSeconds: 120), historyLimit: 3)
        for step in 1...10 as ClosedRange<Int64> {
            _ = autoscaler.onSample(observation(), at: at(120 * step))
        }
        #expect(autoscaler.history.recordedCount == 10)
        #expect(autoscaler.history.entries.count == 3)
        #expect(autoscaler.history.entries.first?.time == autoscaler.date(of: at(960)))
    }
}
