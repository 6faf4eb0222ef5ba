/// Reads the records of one segment of a spill or map output file through a
/// buffer, exposing the current record's key and value in place.
final class SegmentReader {
    let path: String
    private let fd: Int32
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private var filled = 0
    private var cursor = 0
    private var fileOffset: Int64      // file offset of buffer[filled]
    private let segmentEnd: Int64
    private(set) var remaining: Int64  // records not yet returned
    /// The current record, valid until the next `advance`.
    private(set) var key = EmptyBytes.pointer
    private(set) var keyLength = 0
    private(set) var value = EmptyBytes.pointer
    private(set) var valueLength = 0
    private(set) var prefix: UInt64 = 0
    /// Bytes read from the file so far.
    private(set) var bytesRead: Int64 = 0

    init(path: String, segment: Segment, bufferBytes: Int = 128 << 10) throws {
        self.path = path
        self.fd = try POSIX.openForReading(path)
        self.capacity = max(4096, bufferBytes)
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        self.fileOffset = segment.offset
        self.segmentEnd = segment.offset + segment.length
        self.remaining = segment.records
    }

    deinit {
        POSIX.release(fd, path: path)
        buffer.deallocate()
    }

    /// Moves to the next record; false at the end of the segment.
    @inline(__always)
    func advance() throws -> Bool {
        guard remaining > 0 else { return false }
        remaining -= 1
        // Header: two varints, at most 20 bytes.
        if filled - cursor < 20 { try fill(atLeast: 20) }
        var (keyCount, at) = Self.varint(buffer, cursor, filled)
        let (valueCount, at2) = Self.varint(buffer, at, filled)
        at = at2
        let need = at - cursor + keyCount + valueCount
        if filled - cursor < need {
            try fill(atLeast: need)
            (keyCount, at) = Self.varint(buffer, cursor, filled)
            at = Self.varint(buffer, at, filled).1
        }
        guard at - cursor + keyCount + valueCount <= filled - cursor else {
            throw ShuffleError.corrupt(path: path, detail: "record runs past the end of its segment")
        }
        key = UnsafeRawPointer(buffer + at)
        keyLength = keyCount
        value = UnsafeRawPointer(buffer + at + keyCount)
        valueLength = valueCount
        prefix = KeyBytes.prefix(key, count: keyCount)
        cursor = at + keyCount + valueCount
        return true
    }

    @inline(__always)
    private static func varint(_ p: UnsafeMutableRawPointer, _ start: Int, _ limit: Int) -> (Int, Int) {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var i = start
        while i < limit {
            let byte = p.load(fromByteOffset: i, as: UInt8.self)
            i += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return (Int(truncatingIfNeeded: result), i)
    }

    private func fill(atLeast need: Int) throws {
        let live = filled - cursor
        if need > capacity {
            var bigger = capacity
            while bigger < need { bigger *= 2 }
            let grown = UnsafeMutableRawPointer.allocate(byteCount: bigger, alignment: 16)
            grown.copyMemory(from: buffer + cursor, byteCount: live)
            buffer.deallocate()
            buffer = grown
            capacity = bigger
        } else if cursor > 0 {
            memmove(buffer, buffer + cursor, live)
        }
        cursor = 0
        filled = live
        while filled < need && fileOffset < segmentEnd {
            let want = Int(min(Int64(capacity - filled), segmentEnd - fileOffset))
            let n = try POSIX.read(fd, into: buffer + filled, count: want, at: fileOffset, path: path)
            if n == 0 { throw ShuffleError.corrupt(path: path, detail: "file ends inside a segment") }
            filled += n
            fileOffset += Int64(n)
            bytesRead += Int64(n)
        }
    }
}

/// A map output that cannot be read back.
public enum ShuffleError: Error, CustomStringConvertible, Sendable {
    /// The file is there but its bytes are not what was written.
    case corrupt(path: String, detail: String)
    /// The map output is gone (its node was lost); the map must run again.
    case mapOutputLost(mapTask: Int, nodeName: String, path: String)

    public var description: String {
        switch self {
        case let .corrupt(path, detail): return "map output \(path) is corrupt: \(detail)"
        case let .mapOutputLost(task, node, path): return "output of map task \(task) on node \(node) is lost (\(path)); the map runs again"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
