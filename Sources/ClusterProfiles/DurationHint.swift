import Cluster
import Foundation

/// Suggests how to write a duration someone spelled in words or without a unit.
enum DurationHint {
    static let generic = "write seconds like 600s or a short form like 10m, 1h or 1d"

    /// "write 600s or 10m" for "10 minutes" or "600"; the generic advice otherwise.
    static func fix(for text: String) -> String {
        guard let seconds = seconds(in: text), seconds > 0 else { return generic }
        let short = shortForm(seconds)
        return short == "\(seconds)s" ? "write \(seconds)s" : "write \(seconds)s or \(short)"
    }

    /// Reads "10 minutes", "2 hrs", "1 day" or a bare number of seconds.
    static func seconds(in text: String) -> Int64? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count == 1, let value = Int64(words[0]) { return value }
        var digits = ""
        var unit = ""
        for character in words.joined() {
            if unit.isEmpty, character.isNumber { digits.append(character) } else { unit.append(character) }
        }
        guard let value = Int64(digits) else { return nil }
        switch unit {
        case "s", "sec", "secs", "second", "seconds": return value
        case "m", "min", "mins", "minute", "minutes": return value * 60
        case "h", "hr", "hrs", "hour", "hours": return value * 3600
        case "d", "day", "days": return value * 86_400
        default: return nil
        }
    }

    /// 600 → "10m", 5400 → "90m", 86400 → "1d".
    static func shortForm(_ seconds: Int64) -> String {
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}
