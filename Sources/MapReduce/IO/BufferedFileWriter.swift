/// Appends bytes to a file through a large buffer; the one way the engine writes files.
///
/// Every flushed byte is first reserved on the writer's `DiskAccountant`, so a
/// full node disk fails the write that overflows it, not a later one.
final class BufferedFileWriter {
    let path: String
    private let fd: Int32
    private let buffer: UnsafeMutableRawPointer
    private let capacity: Int
    private var used = 0
    private let disk: any DiskAccountant
    /// Bytes handed to `write` so far (flushed or not).
    private(set) var bytesWritten: Int64 = 0
    private var closed = false

    init(path: String, bufferBytes: Int = 1 << 20, disk: any DiskAccountant = UnboundedDisk()) throws {
        self.path = path
        self.fd = try POSIX.createForWriting(path)
        self.capacity = max(bufferBytes, 4096)
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        self.disk = disk
    }

    deinit {
        if !closed { POSIX.release(fd, path: path) }
        buffer.deallocate()
    }

    @inline(__always)
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        try write(base, count: bytes.count)
    }

    @inline(__always)
    func write(_ pointer: UnsafeRawPointer, count: Int) throws {
        bytesWritten += Int64(count)
        if used + count <= capacity {
            (buffer + used).copyMemory(from: pointer, byteCount: count)
            used += count
            return
        }
        try flush()
        if count >= capacity {
            try disk.reserve(bytes: Int64(count))
            try POSIX.writeAll(fd, pointer, count: count, path: path)
        } else {
            buffer.copyMemory(from: pointer, byteCount: count)
            used = count
        }
    }

    @inline(__always)
    func writeByte(_ byte: UInt8) throws {
        if used == capacity { try flush() }
        buffer.storeBytes(of: byte, toByteOffset: used, as: UInt8.self)
        used += 1
        bytesWritten += 1
    }

    /// Writes `value` as an unsigned LEB128 varint.
    @inline(__always)
    func writeVarint(_ value: Int) throws {
        if used + 10 > capacity { try flush() }
        var v = UInt64(value)
        while v >= 0x80 {
            buffer.storeBytes(of: UInt8(truncatingIfNeeded: v) | 0x80, toByteOffset: used, as: UInt8.self)
            used += 1
            bytesWritten += 1
            v >>= 7
        }
        buffer.storeBytes(of: UInt8(v), toByteOffset: used, as: UInt8.self)
        used += 1
        bytesWritten += 1
    }

    func flush() throws {
        guard used > 0 else { return }
        try disk.reserve(bytes: Int64(used))
        try POSIX.writeAll(fd, buffer, count: used, path: path)
        used = 0
    }

    /// Flushes and closes the file.
    func close() throws {
        guard !closed else { return }
        try flush()
        closed = true
        try POSIX.closeFile(fd, path: path)
    }
}
