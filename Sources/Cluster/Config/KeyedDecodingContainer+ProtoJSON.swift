import Foundation

// proto3 JSON lets a client send any integer as a number or as a string
// ("numInstances": 2 or "2"), and 64-bit ones arrive as strings; accept both.
extension KeyedDecodingContainer {
    func decodeProtoIntegerIfPresent(forKey key: Key) throws -> Int? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try? decode(Int.self, forKey: key) { return number }
        let text = try decode(String.self, forKey: key)
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "'\(text)' is not a whole number"
            )
        }
        return number
    }
}
