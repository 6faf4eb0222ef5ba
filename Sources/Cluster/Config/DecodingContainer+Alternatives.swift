extension SingleValueDecodingContainer {
    /// The value when it is written as a `T`, nil when it is written as
    /// something else (a name where a number may also stand): the caller then
    /// decodes the other spelling, and that decode reports a value that is neither.
    package func decodeIfWritten<T: Decodable>(as type: T.Type) throws -> T? {
        do {
            return try decode(type)
        } catch DecodingError.typeMismatch, DecodingError.dataCorrupted {
            return nil
        }
    }
}

extension KeyedDecodingContainer {
    /// The value at `key` when it is written as a `T`, nil when it is written
    /// as something else: the caller then decodes the other spelling, and that
    /// decode reports a value that is neither. Absent keys and nulls still throw.
    package func decodeIfWritten<T: Decodable>(as type: T.Type, forKey key: Key) throws -> T? {
        do {
            return try decode(type, forKey: key)
        } catch DecodingError.typeMismatch, DecodingError.dataCorrupted {
            return nil
        }
    }
}
