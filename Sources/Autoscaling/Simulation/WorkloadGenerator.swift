import MapReduce
import Foundation
import SeededRandom

/// Generates a synthetic workload trace from a few parameters and a seed; the same
/// parameters always give the same trace.
///
/// Arrivals are a Poisson process whose rate follows the ``Kind``; each job has a
/// task count drawn uniformly from `1 … 2 × meanTasks − 1` and a task duration drawn
/// uniformly from 50 % to 150 % of `meanTaskDuration` (whole seconds).
///
/// Keys and defaults: `kind` (required), `hours` 24, `jobsPerHour` 20, `meanTasks` 50,
/// `meanTaskDuration` 120 s, `containerMemoryMB` nil (the profile's map container),
/// `peakHour` 14 (daily only), `seed` 1.
public struct WorkloadGenerator: Sendable, Hashable {
    /// The shape of the arrival rate over time.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A constant rate of `jobsPerHour`.
        case steady
        /// Bursts: the first 10 minutes of every hour at 4 × `jobsPerHour`, the rest at
        /// 0.4 × `jobsPerHour` (the same mean rate).
        case bursty
        /// A daily cycle: `jobsPerHour × (1 + 0.8 cos(2π (h − peakHour) / 24))`, from
        /// 0.2 × the mean at night to 1.8 × at `peakHour`.
        case daily
    }

    /// The shape of the arrival rate.
    public var kind: Kind
    /// How long jobs keep arriving.
    public var hours: Double
    /// The mean arrival rate.
    public var jobsPerHour: Double
    /// The mean number of tasks per job.
    public var meanTasks: Int
    /// The mean task duration.
    public var meanTaskDuration: Duration
    /// The task container size; nil means the profile's map container size.
    public var containerMemoryMB: Int?
    /// The hour of the day (0–24) of the daily peak.
    public var peakHour: Double
    /// The seed of the random choices.
    public var seed: UInt64

    /// A generator; see the type's documentation for the defaults.
    public init(
        kind: Kind, hours: Double = 24, jobsPerHour: Double = 20, meanTasks: Int = 50,
        meanTaskDuration: Duration = .seconds(120), containerMemoryMB: Int? = nil, peakHour: Double = 14, seed: UInt64 = 1
    ) {
        self.kind = kind
        self.hours = hours
        self.jobsPerHour = jobsPerHour
        self.meanTasks = meanTasks
        self.meanTaskDuration = meanTaskDuration
        self.containerMemoryMB = containerMemoryMB
        self.peakHour = peakHour
        self.seed = seed
    }

    /// The arrival rate, in jobs per hour, `hour` hours after the start.
    public func rate(atHour hour: Double) -> Double {
        switch kind {
        case .steady:
            return jobsPerHour
        case .bursty:
            let minute = (hour - hour.rounded(.down)) * 60
            return minute < 10 ? 4 * jobsPerHour : 0.4 * jobsPerHour
        case .daily:
            return jobsPerHour * (1 + 0.8 * cos(2 * Double.pi * (hour - peakHour) / 24))
        }
    }

    /// The generated trace, one template per job, in arrival order.
    ///
    /// - Complexity: O(jobs); about `hours × jobsPerHour` jobs.
    public func trace() -> SimulationTrace {
        var random = SeededGenerator(seed: seed)
        let peakRate = kind == .steady ? jobsPerHour : kind == .bursty ? 4 * jobsPerHour : 1.8 * jobsPerHour
        guard peakRate > 0, hours > 0, meanTasks >= 1 else { return SimulationTrace(jobs: []) }
        let taskSeconds = max(Double(meanTaskDuration.components.seconds), 1)
        var jobs: [TraceJob] = []
        var hour = 0.0
        // Thinning: candidates at the peak rate, each kept with probability rate/peak.
        while true {
            hour += random.exponential(mean: 1 / peakRate)
            guard hour < hours else { break }
            let keep = random.unit() < rate(atHour: hour) / peakRate
            let tasks = 1 + Int(random.next() % UInt64(2 * meanTasks - 1))
            let duration = max(1, (taskSeconds * (0.5 + random.unit())).rounded())
            guard keep else { continue }
            jobs.append(TraceJob(
                name: "\(kind.rawValue)-\(String(format: "%06d", jobs.count + 1))",
                arrival: .milliseconds(Int64((hour * 3_600_000).rounded())),
                tasks: tasks,
                taskDuration: .seconds(Int64(duration)),
                containerMemoryMB: containerMemoryMB
            ))
        }
        return SimulationTrace(jobs: jobs)
    }
}
