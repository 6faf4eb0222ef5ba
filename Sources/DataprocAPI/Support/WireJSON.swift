import Autoscaling
import Cluster
import Foundation
import Hummingbird

/// proto3 JSON in and out: the encoder and decoder every route uses.
enum WireJSON {
    static let contentType = "application/json; charset=UTF-8"

    /// `value` as compact JSON without escaped slashes (URLs stay readable).
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Proto3 JSON writes a Timestamp as RFC 3339 text, as every message's string fields already do.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(GoogleTimestamp(date).description)
        }
        return try encoder.encode(value)
    }

    /// A 200 (or `status`) response with `value` as its JSON body; an
    /// encoding failure becomes a 500 in Google's shape.
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data: Data
        do {
            data = try encode(value)
        } catch {
            return Response(status: .internalServerError, headers: [.contentType: contentType],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "{\"error\":{\"code\":500,\"message\":\"could not encode the response\",\"status\":\"INTERNAL\"}}")))
        }
        return Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes a request body; an empty body decodes as `{}`.
    ///
    /// - Throws: `APIError` INVALID_ARGUMENT naming the field and what was wrong.
    static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws(APIError) -> T {
        var bytes = Data(buffer: buffer)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { bytes = Data("{}".utf8) }
        do {
            return try JSONDecoder().decode(T.self, from: bytes)
        } catch {
            throw describe(error)
        }
    }

    /// An `APIError` for a decoding failure: the field path and the reason.
    static func describe(_ error: any Error) -> APIError {
        if let policy = error as? AutoscalingPolicyError { return .invalidPolicy(policy) }
        if let api = error as? APIError { return api }
        guard let decoding = error as? DecodingError else {
            return .invalidArgument("Invalid JSON payload received. \(error)")
        }
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch decoding {
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            return .invalidArgument(
                field.isEmpty ? "Invalid JSON payload received. \(context.debugDescription)"
                    : "Invalid value at '\(field)': \(context.debugDescription)",
                field: field.isEmpty ? nil : field)
        case let .keyNotFound(key, context):
            let field = path(context.codingPath + [key])
            return .invalidArgument("Invalid JSON payload received. '\(field)' is required.", field: field)
        case let .typeMismatch(type, context):
            let field = path(context.codingPath)
            return .invalidArgument("Invalid value at '\(field)': expected \(type)", field: field)
        case let .valueNotFound(type, context):
            let field = path(context.codingPath)
            return .invalidArgument("Invalid value at '\(field)': expected \(type), got null", field: field)
        @unknown default:
            return .invalidArgument("Invalid JSON payload received. \(decoding)")
        }
    }
}
