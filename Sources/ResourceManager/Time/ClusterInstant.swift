/// A point in a cluster's time: a duration since the clock's origin.
///
/// Cluster time is injected everywhere (continuous in production, manual in
/// tests, virtual in simulation), so nothing compares against the wall clock.
public struct ClusterInstant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Time elapsed since the clock's origin.
    public var sinceOrigin: Duration

    /// The instant `sinceOrigin` after the origin.
    public init(sinceOrigin: Duration) { self.sinceOrigin = sinceOrigin }

    /// The clock's origin.
    public static let origin = ClusterInstant(sinceOrigin: .zero)

    /// Seconds since the origin.
    public var seconds: Double {
        let parts = sinceOrigin.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    public static func < (a: ClusterInstant, b: ClusterInstant) -> Bool { a.sinceOrigin < b.sinceOrigin }
    public static func + (a: ClusterInstant, b: Duration) -> ClusterInstant { ClusterInstant(sinceOrigin: a.sinceOrigin + b) }
    public static func - (a: ClusterInstant, b: ClusterInstant) -> Duration { a.sinceOrigin - b.sinceOrigin }

    public var description: String { "t+\(seconds)s" }
}
