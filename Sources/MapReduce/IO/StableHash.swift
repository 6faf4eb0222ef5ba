/// A fast 64-bit hash of bytes that is the same on every run, machine and
/// version of Miniproc, unlike `hashValue`: partitions must not move between runs.
public enum StableHash {
    /// Hashes `count` bytes at `pointer`.
    @inlinable @inline(__always)
    public static func hash(_ pointer: UnsafeRawPointer, count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(truncatingIfNeeded: count) &* 0xFF51_AFD7_ED55_8CCD)
        var i = 0
        while i &+ 8 <= count {
            let word = UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h = (h << 29) | (h >> 35)
            i &+= 8
        }
        if i < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                word |= UInt64(pointer.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift &+= 8
                i &+= 1
            }
            h = (h ^ word) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 31
        h &*= 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }

    /// Hashes a buffer of bytes.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress else {
            return withUnsafeBytes(of: 0) { hash($0.baseAddress.unsafelyUnwrapped, count: 0) }
        }
        return hash(base, count: bytes.count)
    }
}
