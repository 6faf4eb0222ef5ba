/// Counts the bytes a task writes to its local disk, so that a node's disk
/// quota can be enforced where the bytes are written.
///
/// The engine calls `reserve` before every write to a task's local directory;
/// a cluster's node implements it against its quota and throws when the disk is full.
public protocol DiskAccountant: Sendable {
    /// Accounts for `bytes` more on the disk; throws if they do not fit.
    func reserve(bytes: Int64) throws
    /// Gives back `bytes` that were deleted.
    func release(bytes: Int64)
}

/// Accounts for nothing: an unbounded local disk.
public struct UnboundedDisk: DiskAccountant {
    /// Creates an unbounded disk.
    public init() {}
    public func reserve(bytes: Int64) throws {}
    public func release(bytes: Int64) {}
}
