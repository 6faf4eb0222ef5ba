import Hummingbird
import Logging

/// Renders every failure of the routes behind it as Google's error body:
/// an `APIError` as it is, a path no route serves as NOT_FOUND, anything else
/// as INTERNAL (logged, since it is a bug or an I/O failure, not a client mistake).
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response()
        } catch let error as HTTPError where error.status == .notFound {
            return APIError.unknownPath(request).response()
        } catch {
            logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return APIError(code: .internal, message: "Internal error: \(error)").response()
        }
    }
}
