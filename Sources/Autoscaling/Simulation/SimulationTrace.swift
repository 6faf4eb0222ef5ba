import Foundation

/// A synthetic workload: jobs that arrive at given times, each with tasks of a given
/// duration and container size. No computation runs; a task only holds its container
/// for its duration.
///
/// ## Trace format
///
/// YAML or JSON with one top-level key, `jobs`, a list of job templates:
///
/// ```yaml
/// jobs:
///   - name: nightly-etl          # required; shown in reports
///     arrival: 10m               # required; first arrival after the simulation starts
///     tasks: 200                 # required; containers the job runs, ≥ 1
///     taskDuration: 90s          # required; how long each task holds its container, > 0
///     containerMemoryMB: 3072    # optional; default mapreduce.map.memory.mb of the profile
///     containerVcores: 1         # optional; default 1
///     count: 12                  # optional; how many times the job arrives, default 1
///     every: 5m                  # required when count > 1; time between arrivals
/// ```
///
/// Durations are written like Dataproc's (`90s`, `10m`, `1h30m`, `1d`) or as a number
/// of seconds. Every job also runs one application-master container (the profile's
/// `yarn.app.mapreduce.am.resource.mb`) for its whole life, as on YARN; its tasks ask
/// for containers only once the application master runs. Unknown keys are errors, so
/// a misspelt field never silently takes its default.
public struct SimulationTrace: Sendable, Hashable {
    /// The job templates, in the order written.
    public var jobs: [TraceJob]

    /// A trace of the given job templates.
    public init(jobs: [TraceJob]) {
        self.jobs = jobs
    }

    /// Reads a trace from JSON.
    ///
    /// - Throws: ``TraceError`` naming the field and the fix.
    public static func decode(json: Data) throws(TraceError) -> SimulationTrace {
        do {
            return try JSONDecoder().decode(SimulationTrace.self, from: json)
        } catch let error as TraceError {
            throw error
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw TraceError(field: "", message: "the trace is not valid JSON", fix: "check the brackets, commas and quotes")
        } catch {
            throw TraceError(field: "", message: "the trace could not be read (\(error))",
                             fix: "write a top-level object with a jobs list, as in ClusterProfiles/traces/example.yaml")
        }
    }

    /// Every job arrival, with defaults applied, ordered by arrival time (ties in the
    /// order written).
    ///
    /// - Parameter defaultContainerMemoryMB: The container size of jobs that give none.
    public func arrivals(defaultContainerMemoryMB: Int) -> [SimulatedJob] {
        var result: [SimulatedJob] = []
        result.reserveCapacity(jobs.reduce(0) { $0 + $1.count })
        for job in jobs {
            for index in 0..<job.count {
                result.append(SimulatedJob(
                    name: job.count == 1 ? job.name : "\(job.name)-\(index + 1)",
                    arrival: job.arrival + (job.every ?? .zero) * index,
                    tasks: job.tasks,
                    taskDuration: job.taskDuration,
                    containerMemoryMB: job.containerMemoryMB ?? defaultContainerMemoryMB,
                    containerVcores: job.containerVcores
                ))
            }
        }
        // Stable: equal arrivals keep the order written.
        return result.enumerated().sorted { ($0.element.arrival, $0.offset) < ($1.element.arrival, $1.offset) }.map(\.element)
    }
}
