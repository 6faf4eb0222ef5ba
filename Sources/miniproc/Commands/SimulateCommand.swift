import ArgumentParser
import Autoscaling
import ClusterProfiles
import Foundation

/// `miniproc simulate`: runs a workload through a cluster's resource manager
/// and an autoscaling policy on virtual time, and reports what the policy did.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate an autoscaling policy against a workload on virtual time (no real computation, no waiting).",
        discussion: """
        Examples:
          miniproc simulate --profile standard --policy default --trace daily --hours 24 --csv run.csv --svg run.svg
          miniproc simulate --profile large --policy aggressive --trace ClusterProfiles/traces/example.yaml
        A trace is a YAML or JSON file (see ClusterProfiles/traces/example.yaml) or one of the generated
        workloads: steady, bursty, daily. Use --policy none to see the cluster at its fixed size.
        """
    )

    @Option(help: "A profile name from ClusterProfiles/ or a path to a profile YAML.")
    var profile: String = "standard"

    @Option(help: "A policy name from ClusterProfiles/policies/, a path to a policy YAML, or 'none'.")
    var policy: String = "default"

    @Option(help: "A trace file, or a generated workload: steady, bursty or daily.")
    var trace: String = "daily"

    @Option(help: "Hours of generated arrivals (generated workloads only).")
    var hours: Double = 24

    @Option(help: "Jobs per hour on average (generated workloads only).")
    var jobsPerHour: Double = 20

    @Option(help: "The seed of every random choice.")
    var seed: UInt64 = 1

    @Option(help: "Print the last N autoscaler evaluations (primary+secondary workers → target, and why).")
    var history: Int = 0

    @Option(help: "Write one CSV row per metrics sample to this file.")
    var csv: String?

    @Option(help: "Write an SVG chart of workers and pending memory to this file.")
    var svg: String?

    func validate() throws {
        guard hours > 0, hours <= 24 * 14 else { throw ValidationError("--hours must be between 0 and 336, got \(hours)") }
        guard jobsPerHour > 0 else { throw ValidationError("--jobs-per-hour must be positive, got \(jobsPerHour)") }
    }

    func run() throws {
        do {
            let cluster = try ProfileLoader().load(profile).profile.config
            let scalingPolicy = policy == "none" ? nil : try PolicyLoader().load(policy)
            let workload: SimulationTrace
            if let kind = WorkloadGenerator.Kind(rawValue: trace) {
                workload = WorkloadGenerator(kind: kind, hours: hours, jobsPerHour: jobsPerHour, seed: seed).trace()
            } else {
                workload = try TraceLoader().load(trace)
            }
            let report = try Simulator.run(workload, configuration: SimulationConfiguration(cluster: cluster, policy: scalingPolicy, seed: seed))
            print(report.summary(), terminator: "")
            if history > 0 {
                print("Last \(min(history, report.history.count)) autoscaler evaluations:")
                for entry in report.history.suffix(history) { print("  " + entry.line) }
            }
            if let csv {
                try report.csv().write(toFile: csv, atomically: true, encoding: .utf8)
                print("Wrote \(report.samples.count) samples to \(csv)")
            }
            if let svg {
                try report.svg().write(toFile: svg, atomically: true, encoding: .utf8)
                print("Wrote the chart to \(svg)")
            }
        } catch let error as ProfileError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        } catch let error as SimulationError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
