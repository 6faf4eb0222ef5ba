import Foundation

/// How numbers appear in reports and charts.
package enum ReportNumber {
    /// `60`, or `60.125` for a fraction of a second.
    package static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3f", value)
    }

    /// `1.5`, `12`, `0.25`: at most `digits` decimals, no trailing zeros.
    package static func decimal(_ value: Double, digits: Int = 2) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `1h 30m`, `45s`, `2m 5s`, `1d 2h`.
    package static func duration(_ seconds: Double) -> String {
        let total = Int64(seconds.rounded())
        if total < 60 { return "\(total)s" }
        let days = total / 86_400, hours = total % 86_400 / 3600, minutes = total % 3600 / 60, rest = total % 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        return rest > 0 ? "\(minutes)m \(rest)s" : "\(minutes)m"
    }
}
