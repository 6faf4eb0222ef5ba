/// Java `StringTokenizer`'s default delimiters, as Hadoop's WordCount splits
/// lines: space, tab, LF, CR and form feed. Works on bytes: the delimiters are
/// ASCII, so UTF-8 text splits exactly as Java splits its decoded string.
enum Tokenizer {
    /// Bit `b` set for each delimiter byte `b` below 64.
    static let mask: UInt64 = (1 << 32) | (1 << 9) | (1 << 10) | (1 << 13) | (1 << 12)

    @inline(__always)
    static func isDelimiter(_ byte: UInt8) -> Bool {
        byte <= 32 && (mask >> UInt64(byte)) & 1 == 1
    }

    /// Calls `body` with each token of `bytes`, in order, without building an
    /// array: mappers call it once per record.
    ///
    /// A token's end is found eight bytes at a time: every delimiter is below
    /// 0x21, and `(w - 0x21…) & ~w & 0x80…` flags the first byte of `w` below
    /// 0x21 (UTF-8 continuation and lead bytes, ≥ 0x80, are never flagged).
    @inline(__always)
    static func forEachToken(in bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var i = 0
        while i < count {
            while i < count && isDelimiter(base.load(fromByteOffset: i, as: UInt8.self)) { i &+= 1 }
            let start = i
            scan: while i &+ 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let low = (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080
                if low == 0 {
                    i &+= 8
                    continue
                }
                let j = i &+ low.trailingZeroBitCount >> 3
                if isDelimiter(base.load(fromByteOffset: j, as: UInt8.self)) {
                    i = j
                    break scan
                }
                i = j &+ 1  // a control byte that is not a delimiter belongs to the token
            }
            if i &+ 8 > count {
                while i < count && !isDelimiter(base.load(fromByteOffset: i, as: UInt8.self)) { i &+= 1 }
            }
            if i > start { try body(UnsafeRawBufferPointer(start: base + start, count: i &- start)) }
        }
    }
}
