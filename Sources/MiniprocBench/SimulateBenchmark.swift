import Autoscaling
import SimulationCharts
import Cluster
import Foundation

/// Measures the autoscaling simulator at the scale the issue sets: 24 hours of a
/// cluster that grows to 500 workers under 10,000 jobs.
///
/// Arguments (all optional): `--jobs N` (10000), `--hours H` (24), `--max-workers N`
/// (500, split 100 primary + the rest secondary), `--tasks N` (mean tasks per job,
/// 100), `--seed N` (1). The workload is the `daily` generator on n1-standard-8
/// workers with the `aggressive` policy's factors. Prints one `name: value unit`
/// line per figure.
enum SimulateBenchmark {
    /// A bad command-line argument, with what to write instead.
    struct ArgumentError: Error, CustomStringConvertible {
        /// What was wrong and how to fix it.
        var description: String
    }

    /// Runs the benchmark and prints its figures.
    static func run(arguments: [String]) async throws {
        var jobs = 10_000
        var hours = 24.0
        var maxWorkers = 500
        var meanTasks = 100
        var seed: UInt64 = 1
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            guard let value = remaining.popFirst(), let number = Double(value), number > 0 else {
                throw ArgumentError(description: "\(flag) needs a positive number, e.g. \(flag) 10")
            }
            switch flag {
            case "--jobs": jobs = Int(number)
            case "--hours": hours = number
            case "--max-workers": maxWorkers = max(Int(number), 4)
            case "--tasks": meanTasks = Int(number)
            case "--seed": seed = UInt64(number)
            default: throw ArgumentError(description: "unknown option \(flag); use --jobs, --hours, --max-workers, --tasks or --seed")
            }
        }

        let primaryMax = min(100, maxWorkers / 2)
        let cluster = ClusterConfig(
            masterConfig: InstanceGroupConfig(numInstances: 1, machineTypeUri: "n1-standard-8"),
            workerConfig: InstanceGroupConfig(numInstances: 10, machineTypeUri: "n1-standard-8"),
            secondaryWorkerConfig: InstanceGroupConfig(numInstances: 0, machineTypeUri: "n1-standard-8")
        )
        let policy = AutoscalingPolicy(
            id: "bench-policy",
            workerConfig: InstanceGroupAutoscalingPolicyConfig(minInstances: 10, maxInstances: primaryMax, weight: 1),
            secondaryWorkerConfig: InstanceGroupAutoscalingPolicyConfig(maxInstances: maxWorkers - primaryMax, weight: 4),
            basicAlgorithm: BasicAutoscalingAlgorithm(
                cooldownPeriod: GoogleDuration(seconds: 120),
                yarnConfig: BasicYarnAutoscalingConfig(
                    gracefulDecommissionTimeout: GoogleDuration(seconds: 600), scaleUpFactor: 1, scaleDownFactor: 1)
            )
        )
        let generator = WorkloadGenerator(
            kind: .daily, hours: hours, jobsPerHour: Double(jobs) / hours, meanTasks: meanTasks,
            meanTaskDuration: .seconds(120), seed: seed)
        let configuration = SimulationConfiguration(
            cluster: cluster, policy: policy, secondaryPreemptionsPerHour: 0.05, seed: seed)

        let clock = ContinuousClock()
        let generateStart = clock.now
        let trace = generator.trace()
        let generateSeconds = seconds(clock.now - generateStart)
        let start = clock.now
        let report = try Simulator.run(trace, configuration: configuration)
        let wall = seconds(clock.now - start)
        let renderStart = clock.now
        let csv = report.csv()
        let svg = report.svg()
        let renderSeconds = seconds(clock.now - renderStart)

        let peakWorkers = report.samples.map { $0.primaryWorkers + $0.secondaryWorkers }.max() ?? 0
        print("simulate.wall_seconds: \(format(wall, 3)) s")
        print("simulate.generate_seconds: \(format(generateSeconds, 3)) s")
        print("simulate.render_seconds: \(format(renderSeconds, 3)) s")
        print("simulate.simulated_hours: \(format(report.simulatedSeconds / 3600, 2)) h")
        print("simulate.jobs: \(report.jobsSubmitted) jobs")
        print("simulate.jobs_completed: \(report.jobsCompleted) jobs")
        print("simulate.tasks: \(report.tasksCompleted) tasks")
        print("simulate.tasks_rerun: \(report.tasksRerun) tasks")
        print("simulate.events: \(report.events) events")
        print("simulate.events_per_second: \(Int((Double(report.events) / max(wall, 1e-9)).rounded())) events/s")
        print("simulate.peak_workers: \(peakWorkers) workers")
        print("simulate.scaling_operations: \(report.scalingOperations) operations")
        print("simulate.worker_hours: \(format(report.primaryWorkerHours + report.secondaryWorkerHours, 1)) h")
        print("simulate.completion_p95: \(format(report.completionTime.p95Seconds, 1)) s")
        print("simulate.csv_bytes: \(csv.utf8.count) bytes")
        print("simulate.svg_bytes: \(svg.utf8.count) bytes")
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    private static func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
