#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the lines of one split exactly as Hadoop's `LineRecordReader` does.
///
/// Lines end at LF, CRLF or a lone CR. A split that does not start at byte 0
/// skips its first (partial) line; every split reads lines that *start* at or
/// before its end, so a line crossing a boundary belongs to the split it
/// starts in, and a line longer than a whole split is read once.
struct LineRecordReader: RecordReader {
    private let path: String
    private let start: Int64
    private let end: Int64
    private(set) var bytesRead: Int64 = 0
    private let chunkBytes: Int

    init(path: String, start: Int64, length: Int64, chunkBytes: Int = 4 << 20) throws {
        self.path = path
        self.start = start
        self.end = start + length
        self.chunkBytes = chunkBytes
    }

    mutating func read(_ body: (InputRecord, Double) throws -> Void) throws {
        let fd = try POSIX.openForReading(path)
        defer { POSIX.release(fd, path: path) }
        var capacity = chunkBytes
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        // The buffer holds file bytes [bufferOffset, bufferOffset + filled).
        var bufferOffset = start
        var filled = 0
        var atEOF = false
        var position = start  // file offset of the next unread byte
        var skipFirst = start != 0
        let span = Double(max(end - start, 1))
        var offsetKey: UInt64 = 0

        // Fills the buffer, keeping bytes from `position` on; grows it for lines longer than it.
        func refill() throws {
            let keep = Int(position - bufferOffset)
            let live = filled - keep
            if keep == 0 && live == capacity {
                capacity *= 2
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
                bigger.copyMemory(from: buffer, byteCount: live)
                buffer.deallocate()
                buffer = bigger
            } else if keep > 0 {
                memmove(buffer, buffer + keep, live)
            }
            bufferOffset = position
            filled = live
            let n = try POSIX.read(fd, into: buffer + filled, count: capacity - filled, at: bufferOffset + Int64(filled), path: path)
            if n == 0 { atEOF = true }
            filled += n
            bytesRead += Int64(n)
        }

        try refill()
        while true {
            if !skipFirst && position > end { break }
            // Find the terminator of the line starting at `position`.
            var scanned = 0         // bytes of the line known to hold no terminator
            var lineEnd = -1        // index of the terminator's first byte
            var terminatorLength = 0
            while true {
                let lineStart = Int(position - bufferOffset)
                let from = lineStart + scanned
                let available = filled - from
                if available > 0 {
                    let base = buffer + from
                    let lf = memchr(base, 10, available).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    if let cr = memchr(base, 13, lf ?? available).map({ UnsafeRawPointer($0) - UnsafeRawPointer(base) }) {
                        let index = from + cr
                        if index + 1 < filled {
                            lineEnd = index
                            terminatorLength = buffer.load(fromByteOffset: index + 1, as: UInt8.self) == 10 ? 2 : 1
                            break
                        }
                        if atEOF {
                            lineEnd = index
                            terminatorLength = 1
                            break
                        }
                        // A CR at the end of the buffer: read on to see whether an LF follows.
                        scanned = index - lineStart
                    } else if let lf {
                        lineEnd = from + lf
                        terminatorLength = 1
                        break
                    } else {
                        scanned = filled - lineStart
                    }
                }
                if atEOF { break }
                try refill()
            }
            let lineStart = Int(position - bufferOffset)
            if lineEnd < 0 {
                // No terminator before the end of the file: the last line, if it has bytes.
                if lineStart >= filled { break }
                lineEnd = filled
                terminatorLength = 0
            }
            if skipFirst {
                skipFirst = false
            } else {
                // Like Hadoop, drop a UTF-8 byte-order mark that opens the file.
                var valueStart = lineStart
                if position == 0 && lineEnd - lineStart >= 3
                    && buffer.load(fromByteOffset: lineStart, as: UInt8.self) == 0xEF
                    && buffer.load(fromByteOffset: lineStart + 1, as: UInt8.self) == 0xBB
                    && buffer.load(fromByteOffset: lineStart + 2, as: UInt8.self) == 0xBF {
                    valueStart += 3
                }
                offsetKey = UInt64(bitPattern: position) ^ (1 << 63)
                var bigEndianKey = offsetKey.bigEndian
                try withUnsafeBytes(of: &bigEndianKey) { key in
                    let record = InputRecord(
                        key: key,
                        value: UnsafeRawBufferPointer(start: buffer + valueStart, count: lineEnd - valueStart),
                        offset: position
                    )
                    try body(record, min(1, Double(position - start) / span))
                }
            }
            position = bufferOffset + Int64(lineEnd + terminatorLength)
            if terminatorLength == 0 { break }
        }
    }
}
