import Cluster
import Foundation
import ResourceManager

/// Settings of a simulation run.
///
/// Keys and defaults:
/// - `cluster`: required — the starting shape (primary and secondary worker counts,
///   machine types and `softwareConfig.properties`), usually a profile's config.
/// - `policy`: nil — the autoscaling policy; nil keeps the cluster at its size.
/// - `provisioningDelay`: 90 s — from a scale-up to the new workers joining YARN.
/// - `sampleInterval`: 60 s — how often metrics are sampled into the autoscaler and
///   into the report.
/// - `secondaryPreemptionsPerHour`: 0 — each secondary worker is preempted after an
///   exponentially distributed lifetime with this rate; a preempted worker's
///   containers are lost (their tasks re-run) and a replacement joins after
///   `provisioningDelay`, as a managed instance group recreates it.
/// - `seed`: 1 — the seed of preemption times.
/// - `tail`: 30 min — how long the simulation goes on after the last job finishes,
///   to show the scale-down.
/// - `maximumDuration`: 7 days — the simulation stops then even if jobs remain.
/// - `placementPolicy`: `.spread`.
/// - `originDate`: 2026-01-01T00:00:00Z — the date of virtual time 0, for history entries.
/// - `historyLimit`: 100,000 evaluations kept in the report's history.
public struct SimulationConfiguration: Sendable {
    /// The starting cluster.
    public var cluster: ClusterConfig
    /// The autoscaling policy, if any.
    public var policy: AutoscalingPolicy?
    /// From a scale-up to the new workers joining YARN.
    public var provisioningDelay: Duration
    /// How often metrics are sampled.
    public var sampleInterval: Duration
    /// Expected preemptions per secondary worker per hour.
    public var secondaryPreemptionsPerHour: Double
    /// The seed of preemption times.
    public var seed: UInt64
    /// How long to go on after the last job finishes.
    public var tail: Duration
    /// When to stop at the latest.
    public var maximumDuration: Duration
    /// How containers are placed.
    public var placementPolicy: PlacementPolicy
    /// The date of virtual time 0.
    public var originDate: Date
    /// Evaluations kept in the report's history.
    public var historyLimit: Int

    /// A configuration; see the type's documentation for the defaults.
    public init(
        cluster: ClusterConfig,
        policy: AutoscalingPolicy? = nil,
        provisioningDelay: Duration = .seconds(90),
        sampleInterval: Duration = .seconds(60),
        secondaryPreemptionsPerHour: Double = 0,
        seed: UInt64 = 1,
        tail: Duration = .seconds(1800),
        maximumDuration: Duration = .seconds(7 * 86_400),
        placementPolicy: PlacementPolicy = .spread,
        originDate: Date = Date(timeIntervalSince1970: 1_767_225_600),
        historyLimit: Int = 100_000
    ) {
        self.cluster = cluster
        self.policy = policy
        self.provisioningDelay = provisioningDelay
        self.sampleInterval = sampleInterval
        self.secondaryPreemptionsPerHour = secondaryPreemptionsPerHour
        self.seed = seed
        self.tail = tail
        self.maximumDuration = maximumDuration
        self.placementPolicy = placementPolicy
        self.originDate = originDate
        self.historyLimit = historyLimit
    }
}
