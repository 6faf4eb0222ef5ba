/// Byte-order helpers for keys, which always sort by their encoded bytes.
enum KeyBytes {
    /// The first eight bytes of a key as a big-endian integer, zero-padded, so
    /// that comparing prefixes as integers agrees with comparing bytes.
    @inline(__always)
    static func prefix(_ pointer: UnsafeRawPointer, count: Int) -> UInt64 {
        if count >= 8 {
            return UInt64(bigEndian: pointer.loadUnaligned(as: UInt64.self))
        }
        var value: UInt64 = 0
        var i = 0
        while i < count {
            value |= UInt64(pointer.load(fromByteOffset: i, as: UInt8.self)) << UInt64(56 - 8 * i)
            i += 1
        }
        return value
    }

    /// Three-way byte comparison, shorter-is-smaller on a common prefix.
    @inline(__always)
    static func compare(_ a: UnsafeRawPointer, _ aCount: Int, _ b: UnsafeRawPointer, _ bCount: Int) -> Int {
        let common = aCount < bCount ? aCount : bCount
        let c = memcmp(a, b, common)
        if c != 0 { return Int(c) }
        return aCount - bCount
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
