/// A key or value type the engine can carry between map and reduce.
///
/// Keys always sort by their encoded bytes, as Hadoop's raw comparators do, so
/// `encode` must be *order-preserving*: `a < b` exactly when `a`'s bytes sort
/// before `b`'s. The conformances in this module are (`String` and `Bytes` by
/// UTF-8/raw bytes, integers big-endian with the sign bit flipped).
/// `appendText` is the form `TextOutputFormat` writes.
public protocol RecordCodable: Sendable {
    /// Appends the binary, order-preserving form.
    func encode(into buffer: inout [UInt8])
    /// Decodes the binary form written by `encode`.
    init(decoding bytes: UnsafeRawBufferPointer)
    /// Appends the text form written to `key<TAB>value` output lines.
    func appendText(to buffer: inout [UInt8])
    /// True for a value that prints as nothing, like Hadoop's `NullWritable`:
    /// a text line then holds the key alone, with no separator.
    var isNull: Bool { get }
}

extension RecordCodable {
    public var isNull: Bool { false }
}

extension String: RecordCodable {
    public func encode(into buffer: inout [UInt8]) { buffer.append(contentsOf: utf8) }
    public init(decoding bytes: UnsafeRawBufferPointer) { self = String(decoding: bytes, as: UTF8.self) }
    public func appendText(to buffer: inout [UInt8]) { buffer.append(contentsOf: utf8) }
}

extension Int64: RecordCodable {
    @inlinable
    public func encode(into buffer: inout [UInt8]) {
        let bits = UInt64(bitPattern: self) ^ (1 << 63)
        withUnsafeBytes(of: bits.bigEndian) { buffer.append(contentsOf: $0) }
    }

    @inlinable
    public init(decoding bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 8, "an encoded Int64 has 8 bytes, got \(bytes.count)")
        let bits = UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self)) ^ (1 << 63)
        self = Int64(bitPattern: bits)
    }

    public func appendText(to buffer: inout [UInt8]) { DecimalText.append(self, to: &buffer) }

    /// The encoded form of `value`, for fast paths that fold values in place.
    @inlinable
    public static func encodedBits(_ value: Int64) -> UInt64 {
        (UInt64(bitPattern: value) ^ (1 << 63)).bigEndian
    }

    /// Decodes the encoded form read as a raw `UInt64` from memory.
    @inlinable
    public static func decodedBits(_ raw: UInt64) -> Int64 {
        Int64(bitPattern: UInt64(bigEndian: raw) ^ (1 << 63))
    }
}

extension Int: RecordCodable {
    public func encode(into buffer: inout [UInt8]) { Int64(self).encode(into: &buffer) }
    public init(decoding bytes: UnsafeRawBufferPointer) { self = Int(Int64(decoding: bytes)) }
    public func appendText(to buffer: inout [UInt8]) { DecimalText.append(Int64(self), to: &buffer) }
}

extension Double: RecordCodable {
    public func encode(into buffer: inout [UInt8]) {
        // Flip all bits of negatives and the sign bit of positives: byte order = numeric order.
        let bits = bitPattern
        let ordered = (bits >> 63) == 1 ? ~bits : bits ^ (1 << 63)
        withUnsafeBytes(of: ordered.bigEndian) { buffer.append(contentsOf: $0) }
    }

    public init(decoding bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 8, "an encoded Double has 8 bytes, got \(bytes.count)")
        let ordered = UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))
        let bits = (ordered >> 63) == 1 ? ordered ^ (1 << 63) : ~ordered
        self = Double(bitPattern: bits)
    }

    public func appendText(to buffer: inout [UInt8]) { buffer.append(contentsOf: "\(self)".utf8) }
}

/// Raw bytes as a key or value: encoded as themselves, written as themselves.
public struct Bytes: RecordCodable, Hashable, Comparable {
    /// The bytes.
    public var storage: [UInt8]

    /// Wraps `storage`.
    public init(_ storage: [UInt8]) { self.storage = storage }

    public init(decoding bytes: UnsafeRawBufferPointer) { storage = Array(bytes) }
    public func encode(into buffer: inout [UInt8]) { buffer.append(contentsOf: storage) }
    public func appendText(to buffer: inout [UInt8]) { buffer.append(contentsOf: storage) }

    public static func < (lhs: Bytes, rhs: Bytes) -> Bool { lhs.storage.lexicographicallyPrecedes(rhs.storage) }
}

/// A value that carries nothing, like Hadoop's `NullWritable`.
public struct NullValue: RecordCodable, Hashable {
    /// The null value.
    public init() {}
    public init(decoding bytes: UnsafeRawBufferPointer) {}
    public func encode(into buffer: inout [UInt8]) {}
    public func appendText(to buffer: inout [UInt8]) {}
    public var isNull: Bool { true }
}

/// An `Int64` key that sorts from highest to lowest, like Hadoop's
/// `LongWritable.DecreasingComparator`; it prints as the plain number.
public struct DescendingInt64: RecordCodable, Hashable {
    /// The number.
    public var value: Int64

    /// Wraps `value`.
    public init(_ value: Int64) { self.value = value }

    public func encode(into buffer: inout [UInt8]) {
        let bits = ~(UInt64(bitPattern: value) ^ (1 << 63))
        withUnsafeBytes(of: bits.bigEndian) { buffer.append(contentsOf: $0) }
    }

    public init(decoding bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 8, "an encoded DescendingInt64 has 8 bytes, got \(bytes.count)")
        let bits = ~UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self)) ^ (1 << 63)
        value = Int64(bitPattern: bits)
    }

    public func appendText(to buffer: inout [UInt8]) { DecimalText.append(value, to: &buffer) }
}
