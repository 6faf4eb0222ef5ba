import Foundation
import MapReduce
import Testing
import SeededRandom

/// Keys sort by their encoded bytes, so every key encoding must preserve order
/// and decode back to the value it encodes.
@Suite struct RecordCodableTests {
    private func encoded<T: RecordCodable>(_ value: T) -> [UInt8] {
        var buffer: [UInt8] = []
        value.encode(into: &buffer)
        return buffer
    }

    private func decoded<T: RecordCodable>(_ bytes: [UInt8], as type: T.Type) -> T {
        bytes.withUnsafeBytes { T(decoding: $0) }
    }

    /// -1, 0 or 1 as `a` sorts before, with or after `b` by bytes.
    private func byteOrder(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.lexicographicallyPrecedes(b) ? -1 : (b.lexicographicallyPrecedes(a) ? 1 : 0)
    }

    private func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (b < a ? 1 : 0) }

    private static func int64Samples() -> [Int64] {
        var generator = SeededGenerator(seed: 1)
        var values: [Int64] = [.min, .min + 1, -256, -255, -1, 0, 1, 255, 256, .max - 1, .max]
        for _ in 0..<400 {
            // Mix full-range values with small ones, whose bytes differ only at the end.
            values.append(Bool.random(using: &generator) ? Int64.random(in: .min ... .max, using: &generator) : Int64.random(in: -1000...1000, using: &generator))
        }
        return values
    }

    @Test("Int64 encodings sort as the numbers do and decode back")
    func int64IsOrderPreserving() {
        let values = Self.int64Samples()
        for a in values {
            #expect(decoded(encoded(a), as: Int64.self) == a)
            #expect(encoded(a).count == 8)
            for b in values.prefix(120) {
                #expect(byteOrder(encoded(a), encoded(b)) == order(a, b), "\(a) vs \(b)")
            }
        }
    }

    @Test("DescendingInt64 encodings sort from highest to lowest and decode back")
    func descendingInt64ReversesOrder() {
        let values = Self.int64Samples()
        for a in values {
            #expect(decoded(encoded(DescendingInt64(a)), as: DescendingInt64.self).value == a)
            for b in values.prefix(120) {
                #expect(byteOrder(encoded(DescendingInt64(a)), encoded(DescendingInt64(b))) == order(b, a), "\(a) vs \(b)")
            }
        }
        var text: [UInt8] = []
        DescendingInt64(-42).appendText(to: &text)
        #expect(text == bytes("-42"))
    }

    @Test("Double encodings sort as the numbers do, infinities and zeros included, and decode back")
    func doubleIsOrderPreserving() {
        var generator = SeededGenerator(seed: 2)
        var values: [Double] = [-.infinity, -.greatestFiniteMagnitude, -1, -.leastNormalMagnitude, -.leastNonzeroMagnitude,
                                0, .leastNonzeroMagnitude, .leastNormalMagnitude, 1, .greatestFiniteMagnitude, .infinity]
        for _ in 0..<300 {
            let bits = generator.next()
            let value = Double(bitPattern: bits)
            values.append(value.isNaN ? Double.random(in: -1e6...1e6, using: &generator) : value)
        }
        for a in values {
            #expect(decoded(encoded(a), as: Double.self).bitPattern == a.bitPattern)
            for b in values.prefix(120) {
                #expect(byteOrder(encoded(a), encoded(b)) == order(a, b), "\(a) vs \(b)")
            }
        }
        // -0.0 and 0.0 are equal numbers; -0.0 sorts first and both survive the round trip.
        #expect(byteOrder(encoded(-0.0), encoded(0.0)) == -1)
        #expect(decoded(encoded(-0.0), as: Double.self).sign == .minus)
    }

    @Test("String encodings are UTF-8 and sort by Unicode scalar values")
    func stringIsOrderPreserving() {
        var generator = SeededGenerator(seed: 3)
        let scalars: [Unicode.Scalar] = ["a", "b", "z", "A", " ", "\u{0}", "\u{7F}", "é", "ß", "\u{7FF}", "\u{800}", "中", "\u{FFFD}", "😀", "\u{10FFFF}"]
        var values = [""]
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...6, using: &generator) { text.append(scalars.randomElement(using: &generator) ?? "a") }
            values.append(String(text))
        }
        for a in values {
            #expect(encoded(a) == Array(a.utf8))
            #expect(decoded(encoded(a), as: String.self) == a)
            for b in values.prefix(120) {
                let scalarOrder = a.unicodeScalars.map(\.value).lexicographicallyPrecedes(b.unicodeScalars.map(\.value)) ? -1
                    : (b.unicodeScalars.map(\.value).lexicographicallyPrecedes(a.unicodeScalars.map(\.value)) ? 1 : 0)
                #expect(byteOrder(encoded(a), encoded(b)) == scalarOrder, "\(a) vs \(b)")
            }
        }
    }

    @Test("DecimalText writes what String(value) writes and parses it back")
    func decimalTextRoundTrips() {
        for value in Self.int64Samples() {
            var text: [UInt8] = []
            DecimalText.append(value, to: &text)
            #expect(text == Array(String(value).utf8))
            #expect(text.withUnsafeBytes { DecimalText.parse($0) } == value, "\(value)")
        }
    }

    @Test("DecimalText.parse accepts signed decimals and rejects anything else", arguments: [
        ("0", Int64(0)), ("+7", 7), ("-7", -7), ("007", 7), ("9223372036854775807", .max), ("-9223372036854775808", .min),
        ("", nil), ("-", nil), ("+", nil), ("12a", nil), (" 1", nil), ("1.5", nil), ("9223372036854775808", nil), ("-9223372036854775809", nil),
    ] as [(String, Int64?)])
    func decimalTextParse(text: String, expected: Int64?) {
        #expect(Array(text.utf8).withUnsafeBytes { DecimalText.parse($0) } == expected)
    }

    @Test("Bytes and NullValue encode as themselves and as nothing")
    func bytesAndNull() {
        #expect(encoded(Bytes([0, 255, 10])) == [0, 255, 10])
        #expect(encoded(NullValue()).isEmpty)
        #expect(NullValue().isNull && !Bytes([]).isNull)
        #expect(Bytes([1]) < Bytes([1, 0]) && Bytes([0, 255]) < Bytes([1]))
    }
}
