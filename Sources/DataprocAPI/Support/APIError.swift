import Autoscaling
import Cluster
import Foundation
import Hummingbird

/// A request the API refuses, rendered as Google's error body:
/// `{"error":{"code":404,"message":"…","status":"NOT_FOUND","details":[…]}}`,
/// with a `google.rpc.BadRequest` of `fieldViolations` when fields are at fault.
struct APIError: Error, Sendable, Hashable, HTTPResponseError, CustomStringConvertible {
    /// The `google.rpc.Code`.
    enum Code: String, Sendable, Hashable {
        case cancelled = "CANCELLED"
        case invalidArgument = "INVALID_ARGUMENT"
        case notFound = "NOT_FOUND"
        case alreadyExists = "ALREADY_EXISTS"
        case failedPrecondition = "FAILED_PRECONDITION"
        case aborted = "ABORTED"
        case outOfRange = "OUT_OF_RANGE"
        case unimplemented = "UNIMPLEMENTED"
        case `internal` = "INTERNAL"
        case unavailable = "UNAVAILABLE"

        /// The numeric code, as `Operation.error.code` carries it.
        var number: Int {
            switch self {
            case .cancelled: 1
            case .invalidArgument: 3
            case .notFound: 5
            case .alreadyExists: 6
            case .failedPrecondition: 9
            case .aborted: 10
            case .outOfRange: 11
            case .unimplemented: 12
            case .internal: 13
            case .unavailable: 14
            }
        }

        var httpStatus: HTTPResponse.Status {
            switch self {
            case .cancelled: .init(code: 499, reasonPhrase: "Client Closed Request")
            case .invalidArgument, .failedPrecondition, .outOfRange: .badRequest
            case .notFound: .notFound
            case .alreadyExists, .aborted: .conflict
            case .unimplemented: .init(code: 501, reasonPhrase: "Not Implemented")  // google.rpc UNIMPLEMENTED
            case .internal: .internalServerError
            case .unavailable: .serviceUnavailable
            }
        }
    }

    /// One bad field of a request.
    struct FieldViolation: Sendable, Hashable, Codable {
        var field: String
        var description: String
    }

    var code: Code
    var message: String
    var fieldViolations: [FieldViolation] = []
    /// An HTTP status other than the code's (Cloud Storage's 416).
    var statusOverride: HTTPResponse.Status?

    var status: HTTPResponse.Status { statusOverride ?? code.httpStatus }

    var description: String { "\(code.rawValue): \(message)" }

    static func invalidArgument(_ message: String, field: String? = nil) -> APIError {
        APIError(code: .invalidArgument, message: message,
                 fieldViolations: field.map { [FieldViolation(field: $0, description: message)] } ?? [])
    }

    static func failedPrecondition(_ message: String) -> APIError { APIError(code: .failedPrecondition, message: message) }

    static func notFound(_ kind: String, _ name: String) -> APIError {
        APIError(code: .notFound, message: "Not found: \(kind) \(name)")
    }

    static func alreadyExists(_ message: String) -> APIError { APIError(code: .alreadyExists, message: message) }

    /// A configuration mistake of a cluster, every one as a field violation.
    static func invalidConfig(_ errors: [ClusterConfigError], prefix: String = "") -> APIError {
        let violations = errors.map { FieldViolation(field: prefix + $0.field, description: $0.description) }
        let message = errors.count == 1
            ? errors[0].description
            : "Multiple validation errors:\n" + errors.map { " - \($0.description)" }.joined(separator: "\n")
        return APIError(code: .invalidArgument, message: message, fieldViolations: violations)
    }

    /// An invalid autoscaling policy, every bad field as a violation.
    static func invalidPolicy(_ error: AutoscalingPolicyError) -> APIError {
        APIError(code: .invalidArgument, message: error.message,
                 fieldViolations: error.violations.map { FieldViolation(field: $0.field, description: $0.description) })
    }

    /// The error body.
    var body: ErrorBody {
        ErrorBody(error: .init(
            code: Int(status.code), message: message, status: code.rawValue,
            details: fieldViolations.isEmpty ? nil : [.init(fieldViolations: fieldViolations)]
        ))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        WireJSON.response(body, status: status)
    }

    /// `{"error": …}`.
    struct ErrorBody: Encodable {
        struct Status: Encodable {
            var code: Int
            var message: String
            var status: String
            var details: [BadRequest]?
        }

        struct BadRequest: Encodable {
            var type = "type.googleapis.com/google.rpc.BadRequest"
            var fieldViolations: [FieldViolation]

            enum CodingKeys: String, CodingKey {
                case type = "@type", fieldViolations
            }
        }

        var error: Status
    }
}
