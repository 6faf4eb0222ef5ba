import Hummingbird

extension APIError {
    /// A path no route serves, worded as Google's front end words it for the
    /// Dataproc API and as Cloud Storage words it under its own prefixes.
    static func unknownPath(_ request: Request) -> APIError {
        let path = request.uri.path
        if StorageRoutes.prefixes.contains(where: { path.hasPrefix("/" + $0 + "/") }) {
            return APIError(code: .notFound, message: "Not Found: \(request.method) \(path)")
        }
        return APIError(code: .notFound, message: "The requested URL \(path) was not found on this server (\(request.method)).")
    }

    /// A known path asked for with a method it does not serve: 405, `UNIMPLEMENTED`.
    static func methodNotAllowed(_ request: Request, allowed: [HTTPRequest.Method]) -> APIError {
        let names = allowed.map(\.rawValue)
        let choices = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "") : names.joined()
        return APIError(
            code: .unimplemented,
            message: "Method \(request.method) is not allowed on \(request.uri.path); use \(choices).",
            statusOverride: .methodNotAllowed)
    }

    /// The error as a response in Google's shape, with `headers` added.
    func response(headers: HTTPFields = [:]) -> Response {
        var response = WireJSON.response(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
