import Foundation
import Cluster

/// The reading rules shared by the trace's `Codable` conformances: every key known,
/// every value checked, and every mistake a ``TraceError`` with its field and fix.
enum TraceCoding {
    static let durationFix = "write seconds like 90s, a short form like 10m, 1h or 1h30m, or a number of seconds"

    /// The keyed container at `decoder`, or a ``TraceError`` saying a mapping was expected.
    static func mapping(_ decoder: any Decoder, known: [String], what: String) throws -> KeyedDecodingContainer<ProtoJSON.AnyKey> {
        let path = ProtoJSON.fieldPath(decoder.codingPath, "")
        let field = path.hasSuffix(".") ? String(path.dropLast()) : path
        let container: KeyedDecodingContainer<ProtoJSON.AnyKey>
        do {
            container = try decoder.container(keyedBy: ProtoJSON.AnyKey.self)
        } catch {
            throw TraceError(field: field, message: "expected \(what) (a mapping of fields)",
                             fix: "write the fields \(known.joined(separator: ", ")) as key: value pairs")
        }
        for key in container.allKeys where !known.contains(key.stringValue) {
            let normalised = key.stringValue.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "").lowercased()
            let guess = known.first { $0.lowercased() == normalised }
            throw TraceError(
                field: ProtoJSON.fieldPath(decoder.codingPath, key.stringValue),
                message: "unknown field '\(key.stringValue)'",
                fix: guess.map { "did you mean \($0)?" } ?? "use only \(known.joined(separator: ", "))"
            )
        }
        return container
    }
}

extension KeyedDecodingContainer where Key == ProtoJSON.AnyKey {
    private func path(_ key: String) -> String { ProtoJSON.fieldPath(codingPath, key) }

    /// The scalar at `key` as text, whether written as a string or a number; nil when absent.
    func traceScalar(_ key: String) throws -> String? {
        let codingKey = ProtoJSON.AnyKey(key)
        guard contains(codingKey), try !decodeNil(forKey: codingKey) else { return nil }
        if let text = try decodeIfWritten(as: String.self, forKey: codingKey) { return text }
        if let number = try decodeIfWritten(as: Int.self, forKey: codingKey) { return String(number) }
        if let number = try decodeIfWritten(as: Double.self, forKey: codingKey) { return String(number) }
        throw TraceError(field: path(key), message: "expected a single value", fix: "give \(key) one value, such as \(key): 10")
    }

    func traceRequired(_ key: String, example: String) throws -> String {
        guard let text = try traceScalar(key) else {
            throw TraceError(field: path(key), message: "\(key) is required", fix: "add \(key): \(example)")
        }
        return text
    }

    /// A whole number of at least `minimum`.
    func traceInt(_ text: String, _ key: String, minimum: Int, example: String) throws -> Int {
        guard let value = ProtoJSON.integer(text) else {
            throw TraceError(field: path(key), message: "'\(text)' is not a whole number", fix: "write a whole number such as \(example)")
        }
        guard value >= minimum else {
            throw TraceError(field: path(key), message: "must be at least \(minimum), got \(value)", fix: "write a whole number such as \(example)")
        }
        return value
    }

    /// A duration such as `90s`, `10m`, `1h30m` or a number of seconds; positive unless `allowZero`.
    func traceDuration(_ text: String, _ key: String, allowZero: Bool) throws -> Duration {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parsed: GoogleDuration?
        if let seconds = Double(trimmed), seconds.isFinite, seconds >= 0, seconds < 1e11 {
            parsed = GoogleDuration(nanoseconds: Int64((seconds * 1e9).rounded()))
        } else {
            parsed = GoogleDuration(parsing: trimmed)
        }
        guard let parsed else {
            throw TraceError(field: path(key), message: "'\(text)' is not a duration", fix: TraceCoding.durationFix)
        }
        guard allowZero || parsed.nanoseconds > 0 else {
            throw TraceError(field: path(key), message: "must be longer than 0s, got '\(text)'", fix: "write a positive duration such as 90s")
        }
        return parsed.duration
    }
}

extension Duration {
    /// The duration as Dataproc writes it, `"90s"`.
    var googleText: String {
        let parts = components
        return GoogleDuration(nanoseconds: parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000).description
    }
}
