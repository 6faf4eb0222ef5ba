#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes read from a pipe, cut into lines the way Hadoop's `LineReader` cuts
/// them: a line ends at LF, CRLF or a lone CR, and the terminator is not part
/// of it. A line longer than the buffer grows it; nothing else does.
struct LineBuffer: ~Copyable {
    private var storage: UnsafeMutableRawPointer
    private var capacity = 256 << 10
    private var start = 0
    private var end = 0

    init() { storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16) }

    deinit { storage.deallocate() }

    /// Reads once from `fd` and hands every complete line to `line`; returns
    /// the bytes read (0 at end of file, and also when the read would block:
    /// then it returns -1).
    mutating func read(from fd: Int32, line: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        makeRoom()
        while true {
            let count = Glibc.read(fd, storage + end, capacity - end)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { return -1 }
                throw StreamingError.io("reading a task's output failed: \(String(cString: strerror(errno)))")
            }
            end += count
            try deliverLines(atEndOfFile: count == 0, line)
            return count
        }
    }

    /// Hands over what is left after the end of file: a last line without a terminator.
    mutating func flushLast(_ line: (UnsafeRawBufferPointer) throws -> Void) throws {
        try deliverLines(atEndOfFile: true, line)
        if end > start {
            try line(UnsafeRawBufferPointer(start: storage + start, count: end - start))
        }
        start = 0
        end = 0
    }

    private mutating func deliverLines(atEndOfFile: Bool, _ line: (UnsafeRawBufferPointer) throws -> Void) throws {
        while start < end {
            let base = storage + start
            let available = end - start
            let lf = memchr(base, 10, available).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
            if let cr = memchr(base, 13, lf ?? available).map({ UnsafeRawPointer($0) - UnsafeRawPointer(base) }) {
                if cr + 1 < available {
                    let terminator = base.load(fromByteOffset: cr + 1, as: UInt8.self) == 10 ? 2 : 1
                    try line(UnsafeRawBufferPointer(start: base, count: cr))
                    start += cr + terminator
                    continue
                }
                // A CR that ends the bytes read so far: an LF may follow.
                guard atEndOfFile else { return }
                try line(UnsafeRawBufferPointer(start: base, count: cr))
                start += cr + 1
                continue
            }
            guard let lf else { return }
            try line(UnsafeRawBufferPointer(start: base, count: lf))
            start += lf + 1
        }
        if start == end {
            start = 0
            end = 0
        }
    }

    /// Moves a partial line to the front, and doubles the buffer when that line fills it.
    private mutating func makeRoom() {
        if start > 0 && end == capacity {
            memmove(storage, storage + start, end - start)
            end -= start
            start = 0
        }
        if start == 0 && end == capacity {
            capacity *= 2
            let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            bigger.copyMemory(from: storage, byteCount: end)
            storage.deallocate()
            storage = bigger
        }
    }
}
