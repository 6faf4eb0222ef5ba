import Synchronization

/// Reuses sort-buffer memory across map attempts in this process: a fresh
/// 100 MiB buffer per attempt costs page faults and zeroing on every touch.
/// At most a few buffers are kept, so idle memory stays bounded.
enum SortBufferPool {
    private struct Buffer: @unchecked Sendable {
        // Only ever owned by one holder: taken out of the pool, or in it.
        let pointer: UnsafeMutableRawPointer
        let bytes: Int
    }

    private static let maxPooled = 4
    private static let pooled = Mutex<[Buffer]>([])

    /// A buffer of at least `bytes` bytes, fresh or reused.
    static func take(bytes: Int) -> UnsafeMutableRawPointer {
        let reused = pooled.withLock { pool -> UnsafeMutableRawPointer? in
            guard let index = pool.firstIndex(where: { $0.bytes == bytes }) else { return nil }
            return pool.remove(at: index).pointer
        }
        return reused ?? UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    }

    /// Returns a buffer from `take`.
    static func give(_ pointer: UnsafeMutableRawPointer, bytes: Int) {
        let dropped = pooled.withLock { pool -> UnsafeMutableRawPointer? in
            pool.append(Buffer(pointer: pointer, bytes: bytes))
            return pool.count > maxPooled ? pool.removeFirst().pointer : nil
        }
        dropped?.deallocate()
    }
}
