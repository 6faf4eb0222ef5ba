/// Proto3 JSON reading rules shared by the policy types.
///
/// Proto3 JSON parsers accept numbers either as JSON numbers or as strings
/// (`"0.5"`, `"NaN"`), and `null` as "absent"; the policy decoders do the same so
/// that anything the real API accepts, Miniproc accepts.
enum ProtoJSON {
    /// The camelCase path of `key` under `codingPath`, e.g. `basicAlgorithm.yarnConfig`;
    /// array positions render as `[i]`.
    static func fieldPath(_ codingPath: [any CodingKey], _ key: String) -> String {
        var path = ""
        for component in codingPath + [PathKey(key)] {
            if let index = component.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? component.stringValue : ".\(component.stringValue)"
            }
        }
        return path
    }

    /// The error for a required message field that is absent.
    static func missing(_ codingPath: [any CodingKey], _ key: String, hint: String) -> AutoscalingPolicyError {
        let field = fieldPath(codingPath, key)
        return AutoscalingPolicyError(field: field, description: "\(field) is required; \(hint)")
    }

    private struct PathKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension KeyedDecodingContainer {
    /// An `int32` field given as a number or a numeric string; nil when absent or null.
    func decodeProtoInt32IfPresent(forKey key: Key) throws -> Int? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        let value: Int
        if let number = try? decode(Int.self, forKey: key) {
            value = number
        } else {
            let text = try decode(String.self, forKey: key)
            guard let parsed = Int(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "'\(text)' is not an integer")
            }
            value = parsed
        }
        guard value >= Int(Int32.min), value <= Int(Int32.max) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\(value) does not fit in an int32")
        }
        return value
    }

    /// A `double` field given as a number or a string (`"0.5"`, `"NaN"`, `"Infinity"`);
    /// nil when absent or null.
    func decodeProtoDoubleIfPresent(forKey key: Key) throws -> Double? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try? decode(Double.self, forKey: key) { return number }
        let text = try decode(String.self, forKey: key)
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let parsed = Double(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "'\(text)' is not a number")
            }
            return parsed
        }
    }
}
