import Foundation

extension KeyedDecodingContainer {
    /// An integer field given as a number or a numeric string (64-bit ones arrive as
    /// strings); nil when absent or null.
    package func decodeProtoIntegerIfPresent(forKey key: Key) throws -> Int? {
        try decodeProtoNumberIfPresent(Int.self, forKey: key, parse: ProtoJSON.integer, what: "a whole number")
    }

    /// An `int32` field given as a number or a numeric string; nil when absent or null.
    package func decodeProtoInt32IfPresent(forKey key: Key) throws -> Int? {
        guard let value = try decodeProtoIntegerIfPresent(forKey: key) else { return nil }
        guard value >= Int(Int32.min), value <= Int(Int32.max) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\(value) does not fit in an int32")
        }
        return value
    }

    /// A `double` field given as a number or a string (`"0.5"`, `"NaN"`, `"Infinity"`);
    /// nil when absent or null.
    package func decodeProtoDoubleIfPresent(forKey key: Key) throws -> Double? {
        try decodeProtoNumberIfPresent(Double.self, forKey: key, parse: ProtoJSON.double, what: "a number")
    }

    /// A number given as a JSON number or as text that `parse` reads; nil when absent or null.
    private func decodeProtoNumberIfPresent<Number: Decodable>(
        _ type: Number.Type, forKey key: Key, parse: (String) -> Number?, what: String
    ) throws -> Number? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try decodeIfWritten(as: type, forKey: key) { return number }
        let text = try decode(String.self, forKey: key)
        guard let number = parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "'\(text)' is not \(what)")
        }
        return number
    }
}
