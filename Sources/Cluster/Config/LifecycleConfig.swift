import Foundation

/// When a cluster deletes or stops itself (`config.lifecycleConfig`).
///
/// Keys: `idleDeleteTtl` (5m–14d of no running jobs), `autoDeleteTtl`
/// (10m–14d after creation) or `autoDeleteTime` (10m–14d ahead; one of the two),
/// the stop mirrors `idleStopTtl`, `autoStopTtl` / `autoStopTime`, and the
/// server-filled `idleStartTime`. Absent fields mean "never".
public struct LifecycleConfig: Sendable, Hashable, Codable {
    /// Delete the cluster after it has been idle this long.
    public var idleDeleteTtl: GoogleDuration?
    /// Delete the cluster this long after its creation was requested.
    public var autoDeleteTtl: GoogleDuration?
    /// Delete the cluster at this time.
    public var autoDeleteTime: GoogleTimestamp?
    /// When the cluster last became idle; filled in by the server.
    public var idleStartTime: GoogleTimestamp?
    /// Stop the cluster after it has been idle this long.
    public var idleStopTtl: GoogleDuration?
    /// Stop the cluster this long after its creation was requested.
    public var autoStopTtl: GoogleDuration?
    /// Stop the cluster at this time.
    public var autoStopTime: GoogleTimestamp?

    /// A lifecycle configuration; every field defaults to absent.
    public init(
        idleDeleteTtl: GoogleDuration? = nil,
        autoDeleteTtl: GoogleDuration? = nil,
        autoDeleteTime: GoogleTimestamp? = nil,
        idleStartTime: GoogleTimestamp? = nil,
        idleStopTtl: GoogleDuration? = nil,
        autoStopTtl: GoogleDuration? = nil,
        autoStopTime: GoogleTimestamp? = nil
    ) {
        self.idleDeleteTtl = idleDeleteTtl
        self.autoDeleteTtl = autoDeleteTtl
        self.autoDeleteTime = autoDeleteTime
        self.idleStartTime = idleStartTime
        self.idleStopTtl = idleStopTtl
        self.autoStopTtl = autoStopTtl
        self.autoStopTime = autoStopTime
    }
}
