#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable FIFO of bytes in one allocation: appended at the back, consumed from the front.
struct ByteQueue: ~Copyable {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var start = 0
    private var end = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        storage = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    var count: Int { end - start }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if end + bytes.count > capacity {
            let live = end - start
            if live + bytes.count > capacity {
                let newCapacity = max(capacity * 2, live + bytes.count)
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
                bigger.copyMemory(from: storage + start, byteCount: live)
                storage.deallocate()
                storage = bigger
                capacity = newCapacity
            } else if live > 0 {
                memmove(storage, storage + start, live)
            }
            start = 0
            end = live
        }
        (storage + end).copyMemory(from: base, byteCount: bytes.count)
        end += bytes.count
    }

    mutating func append(byte: UInt8) {
        withUnsafeBytes(of: byte) { append($0) }
    }

    func withReadableBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(UnsafeRawBufferPointer(start: storage + start, count: end - start))
    }

    mutating func consume(_ count: Int) {
        start += count
        if start == end {
            start = 0
            end = 0
        }
    }

    mutating func removeAll() {
        start = 0
        end = 0
    }
}
