import Foundation

/// The YARN memory metrics averaged over a window of samples.
public struct YarnMetricsAverages: Sendable, Hashable, Codable {
    /// How many samples were averaged; 0 means the window was empty and every average is 0.
    public var sampleCount: Int
    /// The earliest sample's time, nil for an empty window.
    public var windowStart: Date?
    /// The latest sample's time, nil for an empty window.
    public var windowEnd: Date?
    /// Mean pending memory.
    public var pendingMemoryMB: Double
    /// Mean available memory.
    public var availableMemoryMB: Double
    /// Mean allocated memory.
    public var allocatedMemoryMB: Double
    /// Mean reserved memory.
    public var reservedMemoryMB: Double

    /// The arithmetic mean of each metric over `window`.
    ///
    /// A plain mean, not a time-weighted one: the service reads metrics at a fixed
    /// interval, so the two agree, and a plain mean does not depend on the order or
    /// spacing of samples a test or trace supplies.
    ///
    /// - Complexity: O(n) in the number of samples.
    public init(window: [YarnMetricsSample]) {
        sampleCount = window.count
        windowStart = window.map(\.time).min()
        windowEnd = window.map(\.time).max()
        // Sum in Double: memory totals of thousands of nodes over many samples fit
        // exactly well past 2^53 MB-samples, and Double cannot trap on overflow.
        let count = Double(max(window.count, 1))
        pendingMemoryMB = window.reduce(0.0) { $0 + Double($1.pendingMemoryMB) } / count
        availableMemoryMB = window.reduce(0.0) { $0 + Double($1.availableMemoryMB) } / count
        allocatedMemoryMB = window.reduce(0.0) { $0 + Double($1.allocatedMemoryMB) } / count
        reservedMemoryMB = window.reduce(0.0) { $0 + Double($1.reservedMemoryMB) } / count
    }
}
