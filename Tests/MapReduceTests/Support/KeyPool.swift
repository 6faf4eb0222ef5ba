import MapReduce
import SeededRandom

/// Keys that stress the sort: empty keys, lengths from 1 to 40 bytes, keys that
/// share prefixes longer than the sort's 8-byte prefix, and binary keys full of
/// 0x00 and 0xFF (never a tab or LF, so text output stays parseable), and
/// equal-length keys that differ only after their first eight bytes.
enum KeyPool {
    static let size = 40_000
    static let keys: [[UInt8]] = (0..<size).map(makeKey)

    private static func makeKey(_ index: Int) -> [UInt8] {
        var generator = SeededGenerator(seed: UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
        let binary: [UInt8] = [0x00, 0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF, 0xFF]
        switch index % 6 {
        case 0 where index % 600 == 0:
            return []
        case 0, 1:
            return (0..<Int.random(in: 1...40, using: &generator)).map { _ in letters.randomElement(using: &generator) ?? 97 }
        case 2:
            return bytes("a/shared/prefix/longer/than/eight/") + bytes(String(index, radix: 7))
        case 3:
            return (0..<Int.random(in: 0...12, using: &generator)).map { _ in binary.randomElement(using: &generator) ?? 0 }
        case 4:
            return [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] + (0..<Int.random(in: 0...3, using: &generator)).map { _ in binary.randomElement(using: &generator) ?? 0 }
        case 5 where index % 12 == 5:
            // Equal length and equal first eight bytes: only a full-key comparison orders these.
            return bytes("samelen/") + (0..<8).map { _ in letters.randomElement(using: &generator) ?? 97 }
        default:
            return (0..<Int.random(in: 1...3, using: &generator)).map { _ in letters.randomElement(using: &generator) ?? 97 }
        }
    }

    /// The key of generated item `item`.
    static func key(item: Int64) -> [UInt8] {
        var generator = SeededGenerator(seed: UInt64(bitPattern: item) ^ 0x5DEE_CE66_D1CE_4E5B)
        return keys[Int(generator.next() % UInt64(size))]
    }

    /// The value of generated item `item`.
    static func value(item: Int64) -> Int64 { item % 5 + 1 }

    /// Key → sum of values over `0..<items`: the sequential oracle.
    static func sums(items: Int64) -> [[UInt8]: Int64] {
        var sums: [[UInt8]: Int64] = [:]
        for item in 0..<items { sums[key(item: item), default: 0] += value(item: item) }
        return sums
    }

    /// `key<TAB>sum` lines of `sums`, sorted.
    static func lines(_ sums: [[UInt8]: Int64]) -> [[UInt8]] {
        sortedBytes(sums.map { TextLines.line($0.key, bytes(String($0.value))) })
    }
}

/// Emits `(KeyPool.key(item), Int64 value)` for each generated item.
struct KeyPoolMapper: Mapper {
    mutating func map(_ record: InputRecord, output: MapOutput) throws {
        let key = KeyPool.key(item: record.offset)
        var value = Int64.encodedBits(KeyPool.value(item: record.offset))
        try key.withUnsafeBytes { k in
            try withUnsafeBytes(of: &value) { v in try output.emit(key: k, value: v) }
        }
    }
}
