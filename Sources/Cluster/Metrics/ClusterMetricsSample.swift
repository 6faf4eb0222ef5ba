import Foundation
import ResourceManager

/// The cluster's YARN metrics at one moment, for an autoscaler's window.
public struct ClusterMetricsSample: Sendable, Hashable {
    /// When, on the cluster's clock.
    public var instant: ClusterInstant
    /// When, as a date.
    public var time: Date
    /// The `yarn-*` metrics.
    public var yarn: YarnMetrics

    /// A sample.
    public init(instant: ClusterInstant, time: Date, yarn: YarnMetrics) {
        self.instant = instant
        self.time = time
        self.yarn = yarn
    }
}
