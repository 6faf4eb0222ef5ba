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
    @inline(__always)
    static func forEachToken(in bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var i = 0
        while i < count {
            while i < count && isDelimiter(base.load(fromByteOffset: i, as: UInt8.self)) { i &+= 1 }
            let start = i
            while i < count && !isDelimiter(base.load(fromByteOffset: i, as: UInt8.self)) { i &+= 1 }
            if i > start { try body(UnsafeRawBufferPointer(start: base + start, count: i &- start)) }
        }
    }
}
