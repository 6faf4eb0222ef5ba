/// A write that does not fit on a node's local disk: the task attempt fails and
/// is retried on another node.
public struct NodeDiskFullError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The node whose disk is full.
    public var nodeName: String
    /// The disk's quota in bytes.
    public var quotaBytes: Int64
    /// Bytes in use when the write was refused.
    public var usedBytes: Int64
    /// The size of the refused write.
    public var requestedBytes: Int64

    /// `node etl-w-1's local disk is full: 1.0 GB quota, 1.0 GB used; …`
    public var description: String {
        "node \(nodeName)'s local disk is full: \(ByteCount.text(quotaBytes)) quota, \(ByteCount.text(usedBytes)) used; "
            + "the attempt will be retried on another node (raise diskConfig.bootDiskSizeGb or the cluster's diskScale for larger jobs)"
    }
}
