import MapReduce

/// TeraSort's 100-byte records: a 10-byte key and a 90-byte value, laid out
/// as Hadoop's `GenSort` lays them out, in its binary form (TeraGen's) or its
/// ASCII form (`gensort -a`: printable keys, lines ending in CRLF).
public enum TeraRecord {
    /// Bytes per record.
    public static let length = 100
    /// Bytes of each record's key.
    public static let keyLength = 10

    /// Which of GenSort's two record forms to write.
    public enum Form: String, Sendable {
        /// Random binary keys: TeraGen's form.
        case binary
        /// Printable keys and CRLF line ends: `gensort -a`'s form.
        case ascii
    }

    /// Writes record `row` (whose 128-bit random number is `random`) into `buffer`.
    static func write(row: UInt128, random: UInt128, form: Form, into buffer: UnsafeMutableRawPointer) {
        let hexDigits: StaticString = "0123456789ABCDEF"
        func randomHex(_ index: Int) -> UInt8 {
            // Hex digit `index` of the random number, most significant first (Unsigned16.getHexDigit).
            hexDigits.withUTF8Buffer { $0[Int((random >> UInt128(4 * (31 - index))) & 0xF)] }
        }
        // Bytes 12..<44: the row number as 32 hex digits.
        for i in 0..<32 {
            let digit = Int((row >> UInt128(4 * (31 - i))) & 0xF)
            buffer.storeBytes(of: hexDigits.withUTF8Buffer { $0[digit] }, toByteOffset: 12 + i, as: UInt8.self)
        }
        switch form {
        case .binary:
            for i in 0..<10 {
                buffer.storeBytes(of: UInt8(truncatingIfNeeded: random >> UInt128(8 * (15 - i))), toByteOffset: i, as: UInt8.self)
            }
            buffer.storeBytes(of: 0x00, toByteOffset: 10, as: UInt8.self)
            buffer.storeBytes(of: 0x11, toByteOffset: 11, as: UInt8.self)
            for (offset, byte) in [(44, 0x88), (45, 0x99), (46, 0xAA), (47, 0xBB), (96, 0xCC), (97, 0xDD), (98, 0xEE), (99, 0xFF)] {
                buffer.storeBytes(of: UInt8(byte), toByteOffset: offset, as: UInt8.self)
            }
            for i in 0..<12 {
                let digit = randomHex(20 + i)
                for j in 0..<4 { buffer.storeBytes(of: digit, toByteOffset: 48 + i * 4 + j, as: UInt8.self) }
            }
        case .ascii:
            // Ten printable characters from the high and low halves, base 95 (generateAsciiRecord).
            var high = UInt64(truncatingIfNeeded: random >> 64)
            for i in 0..<8 {
                buffer.storeBytes(of: UInt8(32 + high % 95), toByteOffset: i, as: UInt8.self)
                high /= 95
            }
            var low = UInt64(truncatingIfNeeded: random)
            buffer.storeBytes(of: UInt8(32 + low % 95), toByteOffset: 8, as: UInt8.self)
            low /= 95
            buffer.storeBytes(of: UInt8(32 + low % 95), toByteOffset: 9, as: UInt8.self)
            for offset in [10, 11, 44, 45] { buffer.storeBytes(of: UInt8(ascii: " "), toByteOffset: offset, as: UInt8.self) }
            for i in 0..<13 {
                let digit = randomHex(19 + i)
                for j in 0..<4 { buffer.storeBytes(of: digit, toByteOffset: 46 + i * 4 + j, as: UInt8.self) }
            }
            buffer.storeBytes(of: UInt8(ascii: "\r"), toByteOffset: 98, as: UInt8.self)
            buffer.storeBytes(of: UInt8(ascii: "\n"), toByteOffset: 99, as: UInt8.self)
        }
    }
}

/// GenSort's kind of random stream: a 128-bit linear congruential generator
/// that can jump straight to any row, so every map generates its own range.
///
/// The constants are a published full-period 128-bit LCG (L'Ecuyer's
/// multiplier, odd increment); the bytes therefore differ from Hadoop's
/// `Random16`, whose constants are not reproduced here, but the properties
/// TeraSort relies on — uniform keys, reproducible rows — are the same.
struct Random128 {
    static let multiplier: UInt128 = (0x2360_ED05_1FC6_5DA4 as UInt128) << 64 | 0x4385_DF64_9FCC_F645
    static let increment: UInt128 = (0x5851_F42D_4C95_7F2D as UInt128) << 64 | 0x1405_7B7E_F767_814F

    private(set) var state: UInt128

    /// The generator positioned so that the next value is row `row`'s.
    init(row: UInt64) {
        // Jump ahead `row` steps: compose the affine map x -> a·x + c with itself by squaring.
        var c: UInt128 = 0
        var stepA = Self.multiplier
        var stepC = Self.increment
        var n = row
        while n > 0 {
            if n & 1 == 1 { c = c &* stepA &+ stepC }
            stepC = stepC &* stepA &+ stepC
            stepA = stepA &* stepA
            n >>= 1
        }
        state = c
    }

    /// The next 128-bit value.
    mutating func next() -> UInt128 {
        state = state &* Self.multiplier &+ Self.increment
        // The LCG's low bits are weak; fold the high half in before use.
        return state ^ (state >> 64) &* 0x9E37_79B9_7F4A_7C15
    }
}
