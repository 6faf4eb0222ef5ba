/// Prints a `Double` as Java's `Double.toString` does, for the numbers
/// programs print: shortest round-trip digits, `NaN` and `Infinity` spelled
/// Java's way, and the computerized `1.0E7` form outside Java's plain range
/// [10⁻³, 10⁷). (Java before 19 sometimes printed one digit more than the shortest.)
public enum JavaDouble {
    /// `value` as Java prints it.
    public static func string(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        let magnitude = value.magnitude
        let sign = value.sign == .minus ? "-" : ""
        if magnitude == 0 { return sign + "0.0" }
        let (digits, pointPosition) = shortestDigits(magnitude)
        if magnitude >= 1e-3 && magnitude < 1e7 {
            if pointPosition <= 0 {
                return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
            }
            if pointPosition >= digits.count {
                return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
            }
            let split = digits.index(digits.startIndex, offsetBy: pointPosition)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let rest = digits.dropFirst()
        return sign + String(digits.prefix(1)) + "." + (rest.isEmpty ? "0" : String(rest)) + "E\(pointPosition - 1)"
    }

    /// The shortest round-trip significant digits of a positive finite `value`
    /// and where the decimal point goes: value = 0.DIGITS × 10^pointPosition.
    private static func shortestDigits(_ value: Double) -> (digits: String, pointPosition: Int) {
        // Swift's description is the shortest round-trip form, as `1.5e-05` or `123.25`.
        let text = "\(value)"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(of: "e") {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...].filter { $0 != "+" }) ?? 0
        }
        let point = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
        var digits = String(mantissa.filter { $0 != "." })
        var pointPosition = mantissa.distance(from: mantissa.startIndex, to: point) + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits, pointPosition)
    }
}
