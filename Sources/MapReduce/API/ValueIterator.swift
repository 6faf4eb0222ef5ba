/// The values of one key, in the order the merge yields them.
///
/// Each value's bytes are valid until the next call to `next()`.
public struct ValueIterator {
    // Unowned: `forEachGroup` keeps the stream alive for the iterator's whole
    // life, and a strong reference would cost two reference-count operations per key.
    private unowned(unsafe) let stream: any RecordStream
    private let key: UnsafeRawBufferPointer
    private var pendingFirst = true
    private var ended = false
    /// True once the underlying stream has no more records at all.
    private(set) var exhausted = false
    /// Values handed out so far.
    private(set) var consumed: Int64 = 0
    /// A read error met while advancing; the caller rethrows it.
    private(set) var error: (any Error)?

    init(stream: any RecordStream, key: UnsafeRawBufferPointer) {
        self.stream = stream
        self.key = key
    }

    /// The next value's encoded bytes, or nil after the key's last value.
    public mutating func next() -> UnsafeRawBufferPointer? {
        if pendingFirst {
            pendingFirst = false
            consumed += 1
            return stream.currentValue
        }
        if ended { return nil }
        do {
            guard try stream.advance() else {
                ended = true
                exhausted = true
                return nil
            }
        } catch {
            self.error = error
            ended = true
            exhausted = true
            return nil
        }
        let nextKey = stream.currentKey
        if nextKey.count != key.count
            || KeyBytes.compare(nextKey.baseAddress ?? EmptyBytes.pointer, nextKey.count, key.baseAddress ?? EmptyBytes.pointer, key.count) != 0 {
            ended = true
            return nil
        }
        consumed += 1
        return stream.currentValue
    }

    /// Values handed out so far for this key.
    var consumedSoFar: Int64 { consumed }

    /// The next value decoded as `T`.
    public mutating func next<T: RecordCodable>(as type: T.Type) -> T? {
        next().map { T(decoding: $0) }
    }
}
