/// A fast 64-bit hash of bytes that is the same on every run, machine and
/// version of Miniproc, unlike `hashValue`: partitions must not move between runs.
///
/// Keys of up to eight bytes, the common case, hash from one zero-padded
/// little-endian word (see `KeyWord`); longer keys from overlapping 8-byte loads.
/// The length is always mixed in, so padding and overlaps cannot collide.
public enum StableHash {
    @usableFromInline static let m1: UInt64 = 0xA076_1D64_78BD_642F
    @usableFromInline static let m2: UInt64 = 0xE703_7ED1_A0B4_28DB

    @inlinable @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// The hash of a key of at most eight bytes, given as its padded word.
    @inlinable @inline(__always)
    public static func hash(word: UInt64, count: Int) -> UInt64 {
        mix(word ^ m2, UInt64(truncatingIfNeeded: count) ^ m1)
    }

    /// Hashes `count` bytes at `pointer`.
    @inlinable @inline(__always)
    public static func hash(_ pointer: UnsafeRawPointer, count: Int) -> UInt64 {
        if count <= 8 { return hash(word: KeyWord.load(pointer, count: count), count: count) }
        var a: UInt64
        var b: UInt64
        var seed = m1 ^ UInt64(truncatingIfNeeded: count)
        var i = 0
        while i + 16 < count {
            a = UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            b = UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            seed = mix(a ^ m2, b ^ seed)
            i += 16
        }
        a = UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: max(0, count - 16), as: UInt64.self))
        b = UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        return mix(m1 ^ seed, mix(a ^ m2, b ^ seed))
    }

    /// Hashes a buffer of bytes.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress else { return hash(word: 0, count: 0) }
        return hash(base, count: bytes.count)
    }
}

/// The first bytes of a key (up to eight) as a little-endian word padded with zeros.
public enum KeyWord {
    /// Loads `min(count, 8)` bytes at `pointer` as a zero-padded little-endian word.
    ///
    /// When the eight bytes at `pointer` lie within one memory page, one load
    /// reads them and a mask drops the bytes past the key: reading within a
    /// mapped page cannot fault, whatever the key's allocation.
    @inlinable @inline(__always)
    public static func load(_ pointer: UnsafeRawPointer, count: Int) -> UInt64 {
        if count >= 8 { return UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self)) }
        if count == 0 { return 0 }
        if UInt(bitPattern: pointer) & 4095 <= 4088 {
            let word = UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
            return word & (~UInt64(0) >> UInt64(64 - 8 * count))
        }
        var word: UInt64 = 0
        for i in 0..<count {
            word |= UInt64(pointer.load(fromByteOffset: i, as: UInt8.self)) << UInt64(8 * i)
        }
        return word
    }
}
