import Foundation

/// One reading of the cluster's YARN memory metrics.
///
/// The fields are the cluster metrics `yarn-memory-mb-pending`, `-available`,
/// `-allocated` and `-reserved` at ``time``.
public struct YarnMetricsSample: Sendable, Hashable, Codable {
    /// When the metrics were read.
    public var time: Date
    /// Memory asked for by containers that do not fit yet.
    public var pendingMemoryMB: Int
    /// Memory free on the active NodeManagers.
    public var availableMemoryMB: Int
    /// Memory held by running containers.
    public var allocatedMemoryMB: Int
    /// Memory reserved for containers about to be placed.
    public var reservedMemoryMB: Int

    /// A sample; allocated and reserved default to 0 because the basic algorithm reads
    /// only pending and available memory.
    public init(
        time: Date,
        pendingMemoryMB: Int,
        availableMemoryMB: Int,
        allocatedMemoryMB: Int = 0,
        reservedMemoryMB: Int = 0
    ) {
        self.time = time
        self.pendingMemoryMB = pendingMemoryMB
        self.availableMemoryMB = availableMemoryMB
        self.allocatedMemoryMB = allocatedMemoryMB
        self.reservedMemoryMB = reservedMemoryMB
    }
}
