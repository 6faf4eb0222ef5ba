import Foundation

/// How numbers appear in messages: no trailing ".0", no float noise.
enum NumberText {
    /// The shortest text that reads back as `value` ("2", "1.5", "0.30000000000000004").
    ///
    /// For validation messages, where the user must see exactly what was sent.
    static func exact(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// `value` with at most four decimals ("1.4", "2.5", "-0.5").
    ///
    /// For decision reasons, where averages of memory divided by memory carry float noise
    /// (17203.2 / 12288 is 1.4000000000000001) that would only distract.
    static func rounded(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let scaled = (value * 10_000).rounded() / 10_000
        if scaled == 0 { return "0" }
        return exact(scaled)
    }

    /// "1 worker", "3 workers".
    static func workers(_ count: Int) -> String {
        count == 1 || count == -1 ? "\(count) worker" : "\(count) workers"
    }
}
