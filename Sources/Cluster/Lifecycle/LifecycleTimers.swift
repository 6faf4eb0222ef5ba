import Foundation
import ResourceManager

/// When a cluster deletes itself (DATAPROC.md §8), decided from its
/// `lifecycleConfig`, when it was created, when it last became idle and the time now.
///
/// - `idleDeleteTtl`: idle (no PENDING/RUNNING job, no pending/running YARN
///   application) for the TTL, counted from the last moment it became idle.
/// - `autoDeleteTtl`: the TTL after the create request.
/// - `autoDeleteTime`: at that wall-clock time.
///
/// Pure: no clock, no actor; the owner feeds it instants.
public struct LifecycleTimers: Sendable, Hashable {
    /// The lifecycle settings.
    public var config: LifecycleConfig
    /// When the create request arrived.
    public var createdAt: ClusterInstant

    /// Timers for `config`, counted from `createdAt`.
    public init(config: LifecycleConfig, createdAt: ClusterInstant) {
        self.config = config
        self.createdAt = createdAt
    }

    /// Why the cluster must be deleted at `now`, or nil. `idleSince` is when it
    /// last became idle (nil while busy); `date` maps instants to wall-clock time.
    public func deletionDue(now: ClusterInstant, idleSince: ClusterInstant?, date: (ClusterInstant) -> Date) -> String? {
        if let ttl = config.idleDeleteTtl, let idleSince, now - idleSince >= ttl.duration {
            return "Cluster was idle for \(ttl) (idleDeleteTtl)."
        }
        if let ttl = config.autoDeleteTtl, now - createdAt >= ttl.duration {
            return "Cluster reached its maximum age of \(ttl) (autoDeleteTtl)."
        }
        if let time = config.autoDeleteTime, date(now) >= time.date {
            return "Cluster reached its scheduled deletion time \(time) (autoDeleteTime)."
        }
        return nil
    }

    /// The earliest instant at which `deletionDue` can become non-nil, if any.
    public func nextDeadline(idleSince: ClusterInstant?, now: ClusterInstant, date: (ClusterInstant) -> Date) -> ClusterInstant? {
        var candidates: [ClusterInstant] = []
        if let ttl = config.idleDeleteTtl, let idleSince { candidates.append(idleSince + ttl.duration) }
        if let ttl = config.autoDeleteTtl { candidates.append(createdAt + ttl.duration) }
        if let time = config.autoDeleteTime {
            candidates.append(now + .nanoseconds(Int64((time.date.timeIntervalSince(date(now)) * 1e9).rounded(.up))))
        }
        return candidates.min()
    }
}
