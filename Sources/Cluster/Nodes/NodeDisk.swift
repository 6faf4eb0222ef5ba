import Foundation
import MapReduce
import Synchronization

/// A node's local disk: a real directory with a byte quota that task attempts
/// write through, so a full disk fails the write that overflows it.
///
/// Usage is kept per attempt directory, so a discarded map output or a failed
/// attempt gives back exactly what it held. Thread-safe: attempts call it from
/// their own threads, the cluster actor from its executor.
public final class NodeDisk: Sendable {
    private struct State {
        var usedBytes: Int64 = 0
        var peakBytes: Int64 = 0
        var fillerBytes: Int64 = 0
        var byDirectory: [String: Int64] = [:]
        var isGone = false
    }

    /// The node's name.
    public let nodeName: String
    /// The directory that stands for the disk.
    public let directory: String
    /// The quota in bytes.
    public let quotaBytes: Int64
    private let state = Mutex(State())

    init(nodeName: String, directory: String, quotaBytes: Int64) {
        self.nodeName = nodeName
        self.directory = directory
        self.quotaBytes = quotaBytes
    }

    /// Bytes in use, including any filler a test put there.
    public var usedBytes: Int64 { state.withLock { $0.usedBytes + $0.fillerBytes } }

    /// The most bytes ever in use at once.
    public var peakBytes: Int64 { state.withLock { $0.peakBytes } }

    /// Whether the node (and so everything on its disk) is gone.
    public var isGone: Bool { state.withLock { $0.isGone } }

    /// Accounts `bytes` written under `attemptDirectory`; throws `NodeDiskFullError` if they do not fit.
    func reserve(bytes: Int64, for attemptDirectory: String) throws(NodeDiskFullError) {
        let refusal: NodeDiskFullError? = state.withLock { state in
            let used = state.usedBytes + state.fillerBytes
            guard used + bytes <= quotaBytes else {
                return NodeDiskFullError(nodeName: nodeName, quotaBytes: quotaBytes, usedBytes: used, requestedBytes: bytes)
            }
            state.usedBytes += bytes
            state.byDirectory[attemptDirectory, default: 0] += bytes
            state.peakBytes = max(state.peakBytes, state.usedBytes + state.fillerBytes)
            return nil
        }
        if let refusal { throw refusal }
    }

    /// Gives back `bytes` deleted from `attemptDirectory`.
    func release(bytes: Int64, for attemptDirectory: String) {
        state.withLock { state in
            let held = state.byDirectory[attemptDirectory, default: 0]
            let freed = min(max(bytes, 0), held)
            state.usedBytes -= freed
            state.byDirectory[attemptDirectory] = held - freed == 0 ? nil : held - freed
        }
    }

    /// Bytes held under `attemptDirectory`.
    func bytes(in attemptDirectory: String) -> Int64 {
        state.withLock { $0.byDirectory[attemptDirectory, default: 0] }
    }

    /// Deletes `attemptDirectory` and gives back everything it held.
    func removeDirectory(_ attemptDirectory: String) {
        Self.removeLeftover(attemptDirectory)
        state.withLock { state in
            state.usedBytes -= state.byDirectory.removeValue(forKey: attemptDirectory) ?? 0
        }
    }

    /// Takes up all but `freeBytes` of the disk, as another tenant would.
    func fill(leavingFreeBytes freeBytes: Int64) {
        state.withLock { state in
            state.fillerBytes = max(0, quotaBytes - state.usedBytes - max(freeBytes, 0))
            state.peakBytes = max(state.peakBytes, state.usedBytes + state.fillerBytes)
        }
    }

    /// Removes what `fill` took.
    func clearFiller() {
        state.withLock { $0.fillerBytes = 0 }
    }

    /// Marks the disk gone and deletes its directory: whatever was on it is lost.
    func destroy() {
        state.withLock { state in
            state.isGone = true
            state.usedBytes = 0
            state.fillerBytes = 0
            state.byDirectory = [:]
        }
        Self.removeLeftover(directory)
    }

    /// Removes a node-local path that may already be gone (an attempt that never
    /// wrote, a node destroyed before). Whatever a failure leaves is under the
    /// cluster's data directory, which the cluster's deletion removes and
    /// reports on its DELETE operation; the disk's accounting does not count it.
    static func removeLeftover(_ path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        // See above: a failure here is reported when the cluster is deleted.
        try? FileManager.default.removeItem(atPath: path)
    }

    /// An accountant for one attempt writing under `attemptDirectory`.
    func accountant(for attemptDirectory: String) -> any DiskAccountant {
        AttemptDisk(disk: self, directory: attemptDirectory)
    }
}

/// One attempt's view of its node's disk.
private struct AttemptDisk: DiskAccountant {
    let disk: NodeDisk
    let directory: String

    func reserve(bytes: Int64) throws { try disk.reserve(bytes: bytes, for: directory) }
    func release(bytes: Int64) { disk.release(bytes: bytes, for: directory) }
}
