extension Tokenizer {
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
