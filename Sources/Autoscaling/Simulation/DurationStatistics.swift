/// Mean, median, 95th percentile and maximum of a set of durations, in seconds.
///
/// Percentiles use the nearest-rank method; an empty set has count 0 and zeros.
public struct DurationStatistics: Sendable, Hashable, Codable {
    /// How many durations.
    public var count: Int
    /// Their mean.
    public var meanSeconds: Double
    /// Their median (nearest rank).
    public var p50Seconds: Double
    /// Their 95th percentile (nearest rank).
    public var p95Seconds: Double
    /// The longest.
    public var maxSeconds: Double

    /// The statistics of `seconds`.
    ///
    /// - Complexity: O(n log n).
    public init(seconds: [Double]) {
        let sorted = seconds.sorted()
        count = sorted.count
        guard let last = sorted.last else {
            meanSeconds = 0
            p50Seconds = 0
            p95Seconds = 0
            maxSeconds = 0
            return
        }
        meanSeconds = sorted.reduce(0, +) / Double(sorted.count)
        func rank(_ fraction: Double) -> Double {
            let index = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
            return sorted[min(max(index, 0), sorted.count - 1)]
        }
        p50Seconds = rank(0.5)
        p95Seconds = rank(0.95)
        maxSeconds = last
    }
}
