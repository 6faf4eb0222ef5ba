import Autoscaling
import SimulationCharts
import Cluster
import Foundation
import Testing

@Suite struct SimulatorTests {
    @Test func scalesUpUnderABacklogAndFinishesEveryJob() throws {
        let policy = makePolicy(cooldownSeconds: 120, primary: .init(maxInstances: 20, weight: 1))
        let report = try Simulator.run(
            trace(tasks: 200, taskDuration: .seconds(600)),
            configuration: SimulationConfiguration(cluster: standardCluster(), policy: policy))
        let peak = report.samples.map(\.primaryWorkers).max() ?? 0
        #expect(peak == 20)
        #expect(report.jobsCompleted == 1)
        #expect(report.tasksCompleted == 200)
        #expect(report.history.first?.decision.targetPrimaryWorkers ?? 0 > 2)
        #expect(report.scalingOperations >= 2)
        // Workers join 90 s after the first evaluation at 120 s.
        #expect(report.samples.first { $0.primaryWorkers > 2 }?.timeSeconds == 240)
    }

    @Test func scalesDownToTheMinimumWhenIdle() throws {
        let policy = makePolicy(cooldownSeconds: 120, primary: .init(minInstances: 2, maxInstances: 20, weight: 1))
        let report = try Simulator.run(
            SimulationTrace(jobs: []),
            configuration: SimulationConfiguration(cluster: standardCluster(workers: 10), policy: policy))
        #expect(report.samples.first?.primaryWorkers == 10)
        #expect(report.samples.last?.primaryWorkers == 2)
        #expect(report.history.first?.decision.reason.hasPrefix("scale down from 10 to 2 workers") == true)
    }

    @Test func respectsTheCooldownFromTheEndOfEachOperation() throws {
        let policy = makePolicy(cooldownSeconds: 300, primary: .init(maxInstances: 8, weight: 1), scaleUpFactor: 0.5, scaleDownFactor: 0.5)
        let report = try Simulator.run(
            trace(tasks: 60, taskDuration: .seconds(300), count: 6, every: .seconds(1200)),
            configuration: SimulationConfiguration(cluster: standardCluster(), policy: policy, provisioningDelay: .seconds(90)))
        let times = report.history.map(\.time.timeIntervalSince1970)
        #expect(times.count >= 4)
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later - earlier >= 300)
        }
    }

    @Test func neverLeavesThePolicyBounds() throws {
        let policy = makePolicy(
            cooldownSeconds: 120, primary: .init(minInstances: 3, maxInstances: 5, weight: 1), secondary: .init(maxInstances: 7, weight: 1))
        let report = try Simulator.run(
            WorkloadGenerator(kind: .bursty, hours: 3, jobsPerHour: 30, meanTasks: 40, seed: 3).trace(),
            configuration: SimulationConfiguration(cluster: standardCluster(workers: 3), policy: policy))
        #expect(report.samples.allSatisfy { $0.primaryWorkers >= 3 && $0.primaryWorkers <= 5 && $0.secondaryWorkers <= 7 })
        #expect(report.samples.contains { $0.secondaryWorkers == 7 })
    }

    @Test func usesSecondaryWorkersByWeight() throws {
        let policy = makePolicy(
            cooldownSeconds: 120, primary: .init(maxInstances: 10, weight: 1), secondary: .init(maxInstances: 30, weight: 3))
        let report = try Simulator.run(
            trace(tasks: 400, taskDuration: .seconds(900)),
            configuration: SimulationConfiguration(cluster: standardCluster(), policy: policy))
        let peakPrimary = report.samples.map(\.primaryWorkers).max() ?? 0
        let peakSecondary = report.samples.map(\.secondaryWorkers).max() ?? 0
        #expect(peakSecondary == 30)
        #expect(peakPrimary == 10)
        #expect(report.secondaryWorkerHours > report.primaryWorkerHours)
    }

    /// Four workers, twelve containers (an application master and 11 ten-minute tasks),
    /// so the first evaluation finds one worker's worth of spare memory and removes a
    /// busy worker.
    func drainScenario(timeoutSeconds: Int64) throws -> SimulationReport {
        let policy = makePolicy(cooldownSeconds: 120, timeoutSeconds: timeoutSeconds, primary: .init(maxInstances: 4, weight: 1))
        return try Simulator.run(
            trace(tasks: 11, taskDuration: .seconds(600)),
            configuration: SimulationConfiguration(cluster: standardCluster(workers: 4), policy: policy))
    }

    @Test func gracefulDecommissionWaitsForRunningTasks() throws {
        let report = try drainScenario(timeoutSeconds: 3600)
        let draining = report.samples.filter { $0.decommissioningWorkers > 0 }.map(\.timeSeconds)
        // Rows are taken before the evaluation of their instant: the resize at 120 s shows from 180 s.
        #expect(draining.first == 180)
        #expect(draining.last.map { $0 >= 540 } == true)
        #expect(report.tasksRerun == 0)
        #expect(report.applicationMastersRestarted == 0)
        #expect(report.jobsCompleted == 1)
        #expect(report.history.first?.outcome == .succeeded(operationName: "operations/simulated-update-1"))
        // The second evaluation comes a cooldown after the drain ended, not before.
        if let second = report.history.dropFirst().first?.time.timeIntervalSince1970,
           let first = report.history.first?.time.timeIntervalSince1970 {
            #expect(second - first >= 600)
        }
    }

    @Test func gracefulDecommissionForcesTheStopAtTheTimeoutAndReRunsTheTasks() throws {
        let report = try drainScenario(timeoutSeconds: 60)
        // Removed at 180 s, before any row could show it draining, killing its 3 containers.
        #expect(report.samples.allSatisfy { $0.decommissioningWorkers == 0 })
        #expect(report.samples.first { $0.timeSeconds == 180 }?.primaryWorkers == 3)
        #expect(report.tasksRerun + report.applicationMastersRestarted >= 3)
        let times = report.history.map(\.time.timeIntervalSince1970)
        #expect(times.count >= 2)
        if times.count >= 2 { #expect(times[1] - times[0] == 180) }
        #expect(report.jobsCompleted == 1)
        #expect(report.tasksCompleted == 11)
        #expect(report.completionTime.maxSeconds > 600)
    }

    @Test func sameSeedGivesTheSameCSVAndAnotherSeedDoesNot() throws {
        let policy = makePolicy(
            cooldownSeconds: 120, primary: .init(maxInstances: 10, weight: 1), secondary: .init(maxInstances: 20, weight: 1))
        func csv(seed: UInt64) throws -> String {
            let workload = WorkloadGenerator(kind: .daily, hours: 4, jobsPerHour: 40, meanTasks: 30, seed: seed).trace()
            let configuration = SimulationConfiguration(
                cluster: standardCluster(), policy: policy, secondaryPreemptionsPerHour: 0.5, seed: seed)
            return try Simulator.run(workload, configuration: configuration).csv()
        }
        let first = try csv(seed: 7)
        #expect(try csv(seed: 7) == first)
        #expect(try csv(seed: 8) != first)
    }

    @Test func preemptedSecondaryWorkersAreReplacedAndTheirTasksReRun() throws {
        let report = try Simulator.run(
            trace(tasks: 200, taskDuration: .seconds(600)),
            configuration: SimulationConfiguration(
                cluster: standardCluster(workers: 2, secondary: 10), secondaryPreemptionsPerHour: 2, seed: 5))
        #expect(report.preemptions > 0)
        #expect(report.tasksRerun > 0)
        #expect(report.jobsCompleted == 1)
        #expect(report.samples.last?.secondaryWorkers == 10)
    }

    @Test func aContainerLargerThanAnyWorkerIsRejectedWithTheJobName() {
        let big = SimulationTrace(jobs: [TraceJob(name: "huge", arrival: .zero, tasks: 1, taskDuration: .seconds(1), containerMemoryMB: 65_536)])
        #expect {
            try Simulator.run(big, configuration: SimulationConfiguration(cluster: standardCluster()))
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("job 'huge'") && text.contains("12288 MB")
        }
    }
}
