import Foundation

/// A `google.protobuf.Duration` as Dataproc's YAML and JSON spell it.
///
/// Accepts the proto3 JSON form (`"600s"`, `"1.5s"`) and the short forms that
/// gcloud and Dataproc's documentation use in YAML (`"10m"`, `"1h"`, `"1d"`,
/// `"1h30m"`). Always renders as seconds (`"5400s"`), as the API does.
public struct GoogleDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length in whole nanoseconds.
    public var nanoseconds: Int64

    /// A duration of `seconds` seconds.
    public init(seconds: Int64) { self.nanoseconds = seconds * 1_000_000_000 }

    /// A duration of `nanoseconds` nanoseconds.
    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// The length as a Swift `Duration`.
    public var duration: Duration { .nanoseconds(nanoseconds) }

    /// The length in seconds, possibly fractional.
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// The proto3 JSON spelling: `"600s"`, or `"0.500s"` for fractions.
    public var description: String {
        let whole = nanoseconds / 1_000_000_000
        let fraction = nanoseconds % 1_000_000_000
        if fraction == 0 { return "\(whole)s" }
        var digits = String(abs(fraction))
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("000") { digits.removeLast(3) }
        return "\(whole).\(digits)s"
    }

    public static func < (lhs: GoogleDuration, rhs: GoogleDuration) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// Parses `"600s"`, `"1.5s"`, `"10m"`, `"1h30m"`, `"2d"`; nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var total: Double = 0
        var number = ""
        var sawUnit = false
        for character in trimmed {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            let scale: Double
            switch character {
            case "s": scale = 1
            case "m": scale = 60
            case "h": scale = 3600
            case "d": scale = 86_400
            default: return nil
            }
            guard let value = Double(number) else { return nil }
            total += value * scale
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, total.isFinite, total < 1e11 else { return nil }
        self.nanoseconds = Int64((total * 1e9).rounded())
    }
}

extension GoogleDuration: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = GoogleDuration(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a duration; write seconds like \"600s\" or a short form like \"10m\", \"1h\", \"1d\""
            )
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
