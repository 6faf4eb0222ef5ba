#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MapReduce

/// How a line a streaming program writes becomes a key and a value, as
/// Hadoop's `TextOutputReader` decides: the key is everything before the
/// N-th separator (N = `stream.num.*.output.key.fields`), the value everything
/// after it; a line with fewer separators is all key, with an empty value.
struct LineFields: Sendable {
    let separator: [UInt8]
    let keyFields: Int

    init(separator: String, keyFields: Int) {
        self.separator = Array(separator.utf8)
        self.keyFields = max(1, keyFields)
    }

    /// Splits `line` and calls `body` with its key and value.
    @inline(__always)
    func split<R>(_ line: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        guard let base = line.baseAddress, !separator.isEmpty else { return try body(line, EmptyBytes.buffer) }
        var position = find(base, from: 0, count: line.count)
        var field = 1
        while field < keyFields, let found = position {
            position = find(base, from: found + separator.count, count: line.count)
            field += 1
        }
        guard let at = position else { return try body(line, EmptyBytes.buffer) }
        let valueStart = at + separator.count
        return try body(
            UnsafeRawBufferPointer(start: base, count: at),
            UnsafeRawBufferPointer(start: base + valueStart, count: line.count - valueStart)
        )
    }

    /// The offset of the next separator at or after `from`.
    @inline(__always)
    private func find(_ base: UnsafeRawPointer, from: Int, count: Int) -> Int? {
        var offset = from
        let first = Int32(separator[0])
        while offset + separator.count <= count {
            guard let hit = memchr(base + offset, first, count - offset) else { return nil }
            let at = UnsafeRawPointer(hit) - base
            if at + separator.count > count { return nil }
            if separator.count == 1 || memcmp(base + at, separator, separator.count) == 0 { return at }
            offset = at + 1
        }
        return nil
    }
}
