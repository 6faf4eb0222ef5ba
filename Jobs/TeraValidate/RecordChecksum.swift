/// The sum of records' CRC-32s as a 128-bit unsigned number, like TeraSort's
/// `Unsigned16` checksum: wraps at 2¹²⁸, prints as lowercase hex without
/// leading zeros, and is order-independent so files can be summed in any order.
struct RecordChecksum: Hashable, Sendable {
    var high: UInt64 = 0
    var low: UInt64 = 0

    /// Adds `value`, carrying into the high word.
    mutating func add(_ value: UInt64) {
        let (sum, overflow) = low.addingReportingOverflow(value)
        low = sum
        if overflow { high &+= 1 }
    }

    /// Adds another checksum.
    mutating func add(_ other: RecordChecksum) {
        high &+= other.high
        add(other.low)
    }

    /// `Unsigned16.toString`: the high word's hex, then the low word's padded to 16 digits.
    var hex: String {
        if high == 0 { return String(low, radix: 16) }
        let lowText = String(low, radix: 16)
        return String(high, radix: 16) + String(repeating: "0", count: 16 - lowText.count) + lowText
    }

    /// The 16-byte big-endian form carried between map and reduce.
    var bytes: [UInt8] {
        withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { Array($0) }
    }

    init() {}

    /// Decodes the 16-byte form of `bytes`.
    init(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 16, "a checksum has 16 bytes, got \(bytes.count)")
        high = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        low = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }
}
