/// CRC-32 as `java.util.zip.CRC32` and zlib compute it (IEEE 802.3, reflected
/// polynomial 0xEDB88320), which TeraValidate sums over records; Foundation
/// offers no CRC on every platform, so it is computed here, eight bytes a step.
enum CRC32 {
    /// Eight 256-entry tables for slicing-by-8.
    private static let tables: [[UInt32]] = {
        var tables = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            tables[0][byte] = crc
        }
        for byte in 0..<256 {
            for slice in 1..<8 {
                let previous = tables[slice - 1][byte]
                tables[slice][byte] = (previous >> 8) ^ tables[0][Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    /// The CRC-32 of `bytes`.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        update(0, bytes)
    }

    /// Continues `crc` (a finished CRC-32 of earlier bytes) over `bytes`.
    static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var c = ~crc
        var i = 0
        let count = bytes.count
        tables.withUnsafeBufferPointer { t in
            while i + 8 <= count {
                let low = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
                let x = c ^ low
                c = t[7][Int(x & 0xFF)] ^ t[6][Int((x >> 8) & 0xFF)] ^ t[5][Int((x >> 16) & 0xFF)] ^ t[4][Int(x >> 24)]
                    ^ t[3][Int(bytes[i + 4])] ^ t[2][Int(bytes[i + 5])] ^ t[1][Int(bytes[i + 6])] ^ t[0][Int(bytes[i + 7])]
                i += 8
            }
            while i < count {
                c = (c >> 8) ^ t[0][Int((c ^ UInt32(bytes[i])) & 0xFF)]
                i += 1
            }
        }
        return ~c
    }
}
