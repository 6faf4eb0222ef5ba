import ArgumentParser
import Autoscaling
import ClusterProfiles
import Foundation
import SimulationCharts

/// `miniproc simulate`: runs a workload through a cluster's resource manager
/// and an autoscaling policy on virtual time, and reports what the policy did.
///
/// Exit codes: 0 after the report; 2 for a trace or simulation that cannot run
/// (the error stream says why); 64 for options rejected before the simulation.
struct SimulateCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate an autoscaling policy against a workload on virtual time (no real computation, no waiting).",
        discussion: """
        Examples:
          miniproc simulate --profile standard --policy default --trace daily --hours 24 --csv run.csv --svg run.svg
          miniproc simulate --profile large --policy aggressive --trace example
        A trace is a shipped trace by name (example), a YAML or JSON file (see ClusterProfiles/traces/example.yaml),
        or one of the generated workloads: steady, bursty, daily. Use --policy none to see the cluster at its fixed size.
        """
    )

    /// The exit code of a trace or a simulation that cannot run.
    static let simulationFailureExitCode = ExitCode(2)

    @OptionGroup var profileOptions: ProfileOptions

    @Option(help: "A policy name from ClusterProfiles/policies/, a path to a policy YAML, or 'none'.")
    var policy: String = "default"

    @Option(help: "A generated workload (steady, bursty or daily), a trace by name (example), or a trace file.")
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
        guard hours > 0, hours <= 24 * 14 else {
            throw ValidationError("--hours must be more than 0 and at most 336 (two weeks), got \(hours)")
        }
        guard jobsPerHour > 0 else { throw ValidationError("--jobs-per-hour must be more than 0, got \(jobsPerHour)") }
        guard history >= 0 else { throw ValidationError("--history must be 0 (none) or a number of evaluations, got \(history)") }
        do {
            _ = try loadPolicy()
        } catch {
            throw ValidationError("--policy \(policy): \(error)")
        }
        if WorkloadGenerator.Kind(rawValue: trace) == nil {
            if TraceLoader.isPath(trace) {
                guard FileManager.default.fileExists(atPath: trace) else {
                    throw ValidationError("--trace must be steady, bursty, daily, a trace name or a trace file, and there is no file at '\(trace)'")
                }
            } else {
                let names = TraceLoader().availableTraceNames()
                guard names.contains(trace) else {
                    throw ValidationError("--trace must be steady, bursty, daily, a trace file or one of the traces \(names.joined(separator: ", ")); there is no trace named '\(trace)'")
                }
            }
        }
        for (option, path) in [("--csv", csv), ("--svg", svg)] {
            guard let path else { continue }
            let directory = (path as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            guard directory.isEmpty || (FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue) else {
                throw ValidationError("\(option) \(path): there is no directory '\(directory)'; create it or write elsewhere")
            }
        }
    }

    /// The policy `--policy` names; nil for `none`.
    func loadPolicy() throws(ProfileError) -> AutoscalingPolicy? {
        policy == "none" ? nil : try PolicyLoader().load(policy)
    }

    func run(console: Console) async throws {
        do {
            let cluster = try profileOptions.load().profile.config
            let scalingPolicy = try loadPolicy()
            let workload: SimulationTrace
            if let kind = WorkloadGenerator.Kind(rawValue: trace) {
                workload = WorkloadGenerator(kind: kind, hours: hours, jobsPerHour: jobsPerHour, seed: seed).trace()
            } else {
                workload = try TraceLoader().load(trace)
            }
            let report = try Simulator.run(workload, configuration: SimulationConfiguration(cluster: cluster, policy: scalingPolicy, seed: seed))
            console.writeOutput(report.summary())
            if history > 0 {
                console.print("Last \(min(history, report.history.count)) autoscaler evaluations:")
                for entry in report.history.suffix(history) { console.print("  " + entry.line) }
            }
            if let csv {
                try report.csv().write(toFile: csv, atomically: true, encoding: .utf8)
                console.print("Wrote \(report.samples.count) samples to \(csv)")
            }
            if let svg {
                try report.svg().write(toFile: svg, atomically: true, encoding: .utf8)
                console.print("Wrote the chart to \(svg)")
            }
        } catch let error as ProfileError {
            console.printError("error: \(error)")
            throw Self.simulationFailureExitCode
        } catch let error as SimulationError {
            console.printError("error: \(error)")
            throw Self.simulationFailureExitCode
        }
    }
}
