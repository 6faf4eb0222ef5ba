import Autoscaling
import Cluster
import Foundation
import MapReduce
import MiniprocTesting
import Testing

/// Autoscaling of real clusters: policies attached to a `SimulatedCluster` on a
/// manual clock, real word-count jobs whose tasks a gate holds.
///
/// The `small` profile has n1-standard-2 workers: 6144 MB of YARN memory, two
/// 3072 MB containers each. The service samples every 60 s; the policies' cooldown
/// is 120 s, so the first evaluation runs at 120 s on the window {60 s, 120 s}.
@Suite struct ClusterAutoscalingTests {
    /// Runs `body` on the two-worker `etl` cluster while word count over 9 files
    /// waits: the application master and 3 maps fill the four
    /// containers, held at the job's gate, and the other maps wait as pending memory.
    /// Then `policy` is attached; its autoscaling is shut down when `body` returns.
    func withBacklog(
        lines: Int = 40, policy: AutoscalingPolicy,
        _ body: (TestCluster, HeldWordCount, ClusterAutoscaling) async throws -> Void
    ) async throws {
        let files = 9, running = 3
        let scratch = try Scratch()
        defer { scratch.remove() }
        try await withTestCluster(name: "etl", options: heldTaskOptions) { test in
            let held = try await test.submitHeldWordCount(in: scratch, files: files, lines: lines, entered: running)
            let waiting = Int64((files - running) * smallContainerMB)
            await eventually { await test.cluster.yarnMetrics.memoryMBPending == waiting }
            let autoscaling = try await test.autoscale(with: policy)
            try await body(test, held, autoscaling)
            await autoscaling.shutdown()
        }
    }

    // MARK: Scaling up

    @Test func aBacklogGrowsTheClusterAfterTheCooldownAndTheWaitingTasksRunOnTheNewWorkers() async throws {
        try await withBacklog(policy: makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 10, weight: 1))) { test, held, autoscaling in

            await test.advance(by: .seconds(60), autoscaling: autoscaling)
            #expect(await autoscaling.scalingHistory.isEmpty)
            #expect(await test.cluster.primaryWorkerCount == 2)

            await test.advance(by: .seconds(60), autoscaling: autoscaling)
            let history = await autoscaling.scalingHistory
            #expect(history.count == 1)
            let decision = try #require(history.first?.decision)
            // 6 maps of 3072 MB wait: 18432 MB, three workers' worth.
            #expect(decision.exactDelta == 3 && decision.delta == 3)
            #expect(decision.targetPrimaryWorkers == 5 && decision.targetSecondaryWorkers == 0)
            #expect(decision.reason.hasPrefix("scale up from 2 to 5 workers"))
            let update = try #require(await test.cluster.operations.last)
            #expect(update.operationType == .update && update.description == "Add 3 workers." && update.done)
            #expect(history.first?.outcome == .succeeded(operationName: update.id))
            #expect(await test.cluster.primaryWorkerCount == 5)
            #expect(await test.cluster.config.workerConfig?.numInstances == 5)

            await held.gate.waitUntilEntered(9)
            #expect(await test.cluster.yarnMetrics.memoryMBPending == 0)
            held.gate.open()
            let job = try await held.handle.wait()
            #expect(job.state == .done)
            let mapNodes = Set(job.attempts.filter { $0.attempt.kind == .map }.map(\.nodeName))
            #expect(mapNodes.isSuperset(of: [test.worker(2), test.worker(3), test.worker(4)]))
            #expect(try WordCorpus.outputLines(held.output) == held.corpus.expectedLines)
        }
    }

    @Test func theNextEvaluationWaitsACooldownFromTheEndOfTheUpdateAndRecordsNoChange() async throws {
        // Spelled out: the only `try`s are inside `#expect`, which closure inference does not see.
        try await withBacklog(policy: makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 10, weight: 1))) { (test, held, autoscaling) async throws in
            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            #expect(await autoscaling.scalingHistory.count == 1)
            #expect(await autoscaling.nextEvaluation == at(240))
            await held.gate.waitUntilEntered(9)

            // The update ended at 120 s: nothing is evaluated before 240 s.
            await test.advance(by: .seconds(60), autoscaling: autoscaling)
            #expect(await autoscaling.scalingHistory.count == 1)

            await test.advance(by: .seconds(60), autoscaling: autoscaling)
            let history = await autoscaling.scalingHistory
            #expect(history.count == 2)
            // The application master and 9 maps fill the 10 containers of 5 workers.
            #expect(history.last?.outcome == .noChange)
            #expect(history.last?.decision.reason == "no change: exactΔ 0: pending memory equals available memory")
            #expect(history.last?.time == test.clock.date(of: at(240)))
            #expect(await test.cluster.primaryWorkerCount == 5)
            #expect(await test.cluster.operations.filter { $0.operationType == .update }.count == 2)  // attach + one resize

            held.gate.open()
            #expect(try await held.handle.wait().state == .done)
            #expect(try WordCorpus.outputLines(held.output) == held.corpus.expectedLines)
        }
    }

    @Test func theClusterNeverGrowsPastThePolicysMaximum() async throws {
        try await withBacklog(policy: makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 4, weight: 1))) { test, held, autoscaling in
            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            #expect(await test.cluster.primaryWorkerCount == 4)
            let first = try #require(await autoscaling.scalingHistory.first?.decision)
            #expect(first.delta == 3 && first.targetPrimaryWorkers == 4)
            #expect(first.reason.contains("scale-up limited to 2 workers by the group bounds"))

            // 4 workers hold the application master and 7 maps; 2 maps still wait.
            await held.gate.waitUntilEntered(7)
            await eventually { await test.cluster.yarnMetrics.memoryMBPending == Int64(2 * smallContainerMB) }
            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            let second = try #require(await autoscaling.scalingHistory.last)
            #expect(second.decision.delta == 1 && second.outcome == .noChange)
            #expect(second.decision.targetPrimaryWorkers == 4)
            #expect(await test.cluster.primaryWorkerCount == 4)

            held.gate.open()
            #expect(try await held.handle.wait().state == .done)
            #expect(try WordCorpus.outputLines(held.output) == held.corpus.expectedLines)
        }
    }

    @Test func secondaryWorkersTakeTheirWeightedShareOfAScaleUp() async throws {
        // Weights 1:2 — of 5 workers the primary group's share is round(5/3) = 2.
        try await withBacklog(policy: makePolicy(
            cooldownSeconds: 120, primary: .init(maxInstances: 10, weight: 1), secondary: .init(maxInstances: 10, weight: 2)
        )) { test, held, autoscaling in
            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            let decision = try #require(await autoscaling.scalingHistory.first?.decision)
            #expect(decision.targetPrimaryWorkers == 2 && decision.targetSecondaryWorkers == 3)
            #expect(await test.cluster.primaryWorkerCount == 2)
            #expect(await test.cluster.secondaryWorkerCount == 3)
            #expect(await test.cluster.config.secondaryWorkerConfig?.numInstances == 3)
            #expect(await test.cluster.operations.last?.description == "Add 3 secondary workers.")

            await held.gate.waitUntilEntered(9)
            held.gate.open()
            let job = try await held.handle.wait()
            #expect(job.state == .done)
            let secondaries = Set((0..<3).map(test.secondaryWorker))
            #expect(job.attempts.filter { $0.attempt.kind == .map && secondaries.contains($0.nodeName) }.count == 6)
            #expect(try WordCorpus.outputLines(held.output) == held.corpus.expectedLines)
        }
    }

    @Test func secondaryWorkersPreemptedMidJobLoseTheirTasksAndTheOutputIsStillExact() async throws {
        try await withBacklog(lines: 120, policy: makePolicy(
            cooldownSeconds: 120, primary: .init(maxInstances: 10, weight: 1), secondary: .init(maxInstances: 10, weight: 2)
        )) { test, held, autoscaling in
            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            #expect(await test.cluster.secondaryWorkerCount == 3)
            // The 6 maps that waited now run on the secondary workers, two each.
            await held.gate.waitUntilEntered(9)

            let preempted = try await test.preemptSecondaryWorkers()
            #expect(preempted == [test.secondaryWorker(2), test.secondaryWorker(1), test.secondaryWorker(0)])
            // The managed instance group recreates each under its name, an operation each.
            #expect(await test.cluster.secondaryWorkerCount == 3)
            let replacements = await test.cluster.operations.filter { $0.description == "Replace 1 preempted secondary workers." }
            #expect(replacements.count == 3 && replacements.allSatisfy { $0.done && $0.error == nil })

            held.gate.open()
            let job = try await held.handle.wait()
            #expect(job.state == .done)
            let killed = job.attempts.filter { !$0.succeeded }
            #expect(killed.count == 6)
            #expect(killed.allSatisfy { Set(preempted).contains($0.nodeName) && $0.error?.contains("was preempted") == true })
            for attempt in killed {
                #expect(job.attempts.contains { $0.attempt.task == attempt.attempt.task && $0.attempt.kind == .map && $0.succeeded })
            }
            #expect(try WordCorpus.outputLines(held.output) == held.corpus.expectedLines)
        }
    }

    // MARK: Scaling down

    @Test func anIdleClusterShrinksToThePolicysMinimumByGracefulDecommission() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let corpus = try scratch.corpus(files: 4, lines: 40)
        try await withTestCluster(name: "etl", configure: primaryWorkers(4)) { test in
            let autoscaling = try await test.autoscale(with: makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 6, weight: 1)))
            #expect(try await test.run(corpus.wordCount(output: scratch.path("out"))).state == .done)
            #expect(try WordCorpus.outputLines(scratch.path("out")) == corpus.expectedLines)

            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            let entry = try #require(await autoscaling.scalingHistory.last)
            // 4 idle workers offer 24576 MB: exactΔ −4, held at the minimum of 2.
            #expect(entry.decision.exactDelta == -4 && entry.decision.targetPrimaryWorkers == 2)
            #expect(entry.outcome.succeeded)
            #expect(await test.cluster.operations.last?.description == "Remove 2 workers.")
            #expect(await test.cluster.primaryWorkerCount == 2)
            let removed = await test.cluster.nodeSummaries.filter { $0.name == test.worker(2) || $0.name == test.worker(3) }
            #expect(removed.map(\.state) == [.decommissioned, .decommissioned])

            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            let idle = try #require(await autoscaling.scalingHistory.last)
            #expect(idle.outcome == .noChange && idle.decision.currentPrimaryWorkers == 2)
            #expect(idle.decision.reason.hasPrefix("no change: exactΔ -2"))
            await autoscaling.shutdown()
        }
    }

    /// Runs `body` on four workers while the policy removes one: the application
    /// master and 5 held maps leave two containers free, one worker's worth, so
    /// the policy removes `etl-w-3`, which runs a map. The autoscaling is shut
    /// down when `body` returns.
    func withScaleDown(
        timeoutSeconds: Int64, _ body: (TestCluster, HeldWordCount, ClusterAutoscaling) async throws -> Void
    ) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try await withTestCluster(name: "etl", options: heldTaskOptions, configure: primaryWorkers(4)) { test in
            let held = try await test.submitHeldWordCount(in: scratch, files: 5, lines: 40, entered: 5)
            let autoscaling = try await test.autoscale(with: makePolicy(
                cooldownSeconds: 120, timeoutSeconds: timeoutSeconds, primary: .init(maxInstances: 6, weight: 1)
            ))
            #expect(await test.cluster.nodeSummaries.first { $0.name == test.worker(3) }?.runningContainers == 1)
            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            let entry = try #require(await autoscaling.scalingHistory.last)
            #expect(entry.decision.exactDelta == -1 && entry.decision.targetPrimaryWorkers == 3)
            #expect(entry.outcome == .inProgress(operationName: "autoscaler-1"))
            #expect(await test.cluster.state == .updating)
            #expect(await test.cluster.yarnMetrics.nodesDecommissioning == 1)
            try await body(test, held, autoscaling)
            await autoscaling.shutdown()
        }
    }

    @Test func aGracefulDecommissionWaitsForTheTasksOnTheRemovedWorker() async throws {
        try await withScaleDown(timeoutSeconds: 600) { test, held, autoscaling in
            await test.advance(by: .seconds(300))
            #expect(await test.cluster.state == .updating)
            #expect(await autoscaling.scalingHistory.last?.outcome == .inProgress(operationName: "autoscaler-1"))

            held.gate.open()
            await eventually { await autoscaling.scalingHistory.last?.outcome.succeeded == true }
            #expect(test.clock.now == at(420))
            #expect(await test.cluster.state == .running)
            #expect(await test.cluster.primaryWorkerCount == 3)
            let job = try await held.handle.wait()
            #expect(job.state == .done)
            let onRemoved = job.attempts.filter { $0.nodeName == test.worker(3) }
            #expect(onRemoved.count == 1 && onRemoved.allSatisfy(\.succeeded))
            #expect(try WordCorpus.outputLines(held.output) == held.corpus.expectedLines)
        }
    }

    @Test func theDecommissionTimeoutKillsWhatStillRunsAndTheTaskRunsAgainElsewhere() async throws {
        try await withScaleDown(timeoutSeconds: 600) { test, held, autoscaling in
            // The update started at 120 s: the worker is stopped at 720 s.
            await test.advance(by: .seconds(599))
            #expect(await test.cluster.state == .updating)
            await test.advance(by: .seconds(1))
            await eventually { await autoscaling.scalingHistory.last?.outcome.succeeded == true }
            #expect(await test.cluster.primaryWorkerCount == 3)
            let removed = try #require(await test.cluster.nodeSummaries.first { $0.name == test.worker(3) })
            #expect(removed.state == .decommissioned && removed.runningContainers == 0)
            #expect(await autoscaling.nextEvaluation == at(840))

            held.gate.open()
            let job = try await held.handle.wait()
            #expect(job.state == .done)
            let killed = try #require(job.attempts.first { $0.nodeName == test.worker(3) })
            #expect(!killed.succeeded && killed.error?.contains("node etl-w-3 was decommissioned") == true)
            #expect(job.attempts.contains { $0.attempt.kind == .map && $0.attempt.task == killed.attempt.task && $0.succeeded && $0.nodeName != test.worker(3) })
            #expect(try WordCorpus.outputLines(held.output) == held.corpus.expectedLines)
        }
    }

    @Test func aScaleDownCutShortByDeletingTheClusterIsRecordedAsFailed() async throws {
        try await withScaleDown(timeoutSeconds: 600) { test, held, autoscaling in
            let delete = try await test.cluster.beginDelete()
            held.gate.open()
            _ = await test.cluster.waitForOperation(delete)
            await eventually { await autoscaling.service.resizeInFlight == nil }
            let update = try #require(await test.cluster.operations.first { $0.operationType == .update && $0.description == "Remove 1 workers." })
            #expect(await autoscaling.scalingHistory.last?.outcome == .failed(
                operationName: "autoscaler-1",
                message: "cluster 'etl' was deleted before the update finished removing workers"
            ))
            #expect(update.error != nil)
        }
    }

    // MARK: Attaching and detaching

    @Test func aPolicyAttachedToARunningClusterEvaluatesUntilDetachedAndTheHistoryStays() async throws {
        try await withTestCluster(name: "etl") { test in
            let autoscaling = try await test.autoscale(with: makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 4, weight: 1)))
            #expect(await autoscaling.policyUri == "projects/miniproc/regions/global/autoscalingPolicies/test-policy")
            #expect(await test.cluster.config.autoscalingConfig?.policyUri == "projects/miniproc/regions/global/autoscalingPolicies/test-policy")
            #expect(await test.cluster.operations.last?.description
                == "Attach autoscaling policy projects/miniproc/regions/global/autoscalingPolicies/test-policy.")
            #expect(await test.cluster.state == .running)

            await test.advance(by: .seconds(240), autoscaling: autoscaling)
            let history = await autoscaling.scalingHistory
            #expect(history.map(\.outcome) == [.noChange, .noChange])
            #expect(history.map(\.time) == [test.clock.date(of: at(120)), test.clock.date(of: at(240))])
            #expect(history.allSatisfy { $0.decision.reason.hasPrefix("no change: exactΔ -2 × scaleDownFactor 1 = -2") })

            try await autoscaling.detach()
            #expect(await autoscaling.policy == nil)
            #expect(await autoscaling.policyUri == nil)
            #expect(await test.cluster.config.autoscalingConfig == nil)
            #expect(await autoscaling.service.nextSampleInstant == nil)
            await test.advance(by: .seconds(3600), autoscaling: autoscaling)
            #expect(await autoscaling.scalingHistory == history)

            // Attached again, it evaluates a cooldown later and adds to the same history.
            try await autoscaling.attach(makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 4, weight: 1)))
            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            let again = await autoscaling.scalingHistory
            #expect(again.count == 3 && Array(again.prefix(2)) == history)
            #expect(again.last?.time == test.clock.date(of: at(3960)))
            await autoscaling.shutdown()
        }
    }

    @Test func theClustersPolicyUriStartsItsAutoscaler() async throws {
        let uri = "projects/miniproc/regions/us-central1/autoscalingPolicies/test-policy"
        let configure: (inout ClusterSpec) -> Void = { $0.config?.autoscalingConfig = AutoscalingConfig(policyUri: uri) }
        try await withTestCluster(name: "etl", configure: configure) { test in
            let autoscaling = try await ClusterAutoscaling.start(cluster: test.cluster) { requested in
                #expect(requested == uri)
                return makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 4, weight: 1))
            }
            #expect(await autoscaling.policy?.id == "test-policy")
            #expect(await autoscaling.policyUri == uri)
            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            #expect(await autoscaling.scalingHistory.map(\.outcome) == [.noChange])
            await autoscaling.shutdown()
        }
    }

    @Test func aClusterWithoutAPolicyUriStartsWithoutAnAutoscaler() async throws {
        try await withTestCluster(name: "etl") { test in
            let autoscaling = try await ClusterAutoscaling.start(cluster: test.cluster) { uri in
                Issue.record("no policy should be resolved, got \(uri)")
                return makePolicy(cooldownSeconds: 120)
            }
            #expect(await autoscaling.policy == nil)
            #expect(await autoscaling.service.nextSampleInstant == nil)
        }
    }

    @Test func anInvalidPolicyLeavesTheClusterUnchanged() async throws {
        try await withTestCluster(name: "etl") { test in
            let autoscaling = ClusterAutoscaling(cluster: test.cluster)
            var policy = makePolicy(cooldownSeconds: 120)
            policy.basicAlgorithm.yarnConfig.scaleUpFactor = 2
            await #expect(throws: AutoscalingPolicyError.self) { try await autoscaling.attach(policy) }
            #expect(await test.cluster.config.autoscalingConfig == nil)
            #expect(await test.cluster.operations.count == 1)  // the CREATE
            #expect(await autoscaling.policy == nil)
        }
    }

    @Test func noEvaluationRunsWhileTheClusterIsStoppedAndTheDueOneRunsOnceItIsRunning() async throws {
        try await withTestCluster(name: "etl") { test in
            let autoscaling = try await test.autoscale(with: makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 4, weight: 1)))
            await test.advance(by: .seconds(60), autoscaling: autoscaling)
            try await test.cluster.stop()
            await test.advance(by: .seconds(120), autoscaling: autoscaling)
            #expect(await autoscaling.scalingHistory.isEmpty)
            #expect(await autoscaling.notices == [
                "skipped: the cluster is STOPPED, not RUNNING; evaluating once it is RUNNING again",
                "skipped: the cluster is STOPPED, not RUNNING; evaluating once it is RUNNING again",
            ])
            // Updates need a RUNNING cluster, detaching included.
            await #expect(throws: ClusterError.self) { try await autoscaling.detach() }

            try await test.cluster.start()
            await test.advance(by: .seconds(60), autoscaling: autoscaling)
            let history = await autoscaling.scalingHistory
            #expect(history.count == 1 && history.last?.time == test.clock.date(of: at(240)))
            await autoscaling.shutdown()
        }
    }
}
