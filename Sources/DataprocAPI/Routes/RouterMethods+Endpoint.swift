import Hummingbird

/// What serves one method of one path.
typealias APIHandler = @Sendable (APIRequest) async throws -> Response

extension HTTPRequest.Method {
    /// The methods a path answers with 405 when it has no handler for them.
    static let refusedWhenUnserved: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
}

extension RouterMethods where Context == BasicRequestContext {
    /// Serves `path` with one handler per method; every other method answers
    /// 405 with an `Allow` header listing `handlers`' methods.
    ///
    /// With `customMethods` (Google's API paths), when the last component of
    /// `path` is a `:name` parameter, a value that decodes to text holding `:`
    /// asks for a custom method (`NAME:verb`) this path lacks, and is answered
    /// 404 as any unknown path is. Cloud Storage has no custom methods.
    @discardableResult
    func endpoint(
        _ path: String, customMethods: Bool = true, _ handlers: KeyValuePairs<HTTPRequest.Method, APIHandler>
    ) -> Self {
        let routerPath = RouterPath(path)
        let resource = customMethods ? Self.resourceParameter(of: path) : nil
        let allowed = handlers.map(\.key)
        for (method, handler) in handlers {
            on(routerPath, method: method) { request, context in
                try Self.refuseCustomMethod(request, context: context, resource: resource)
                return try await handler(try await APIRequest(request, context: context))
            }
        }
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        for method in HTTPRequest.Method.refusedWhenUnserved where !allowed.contains(method) {
            on(routerPath, method: method) { request, context in
                try Self.refuseCustomMethod(request, context: context, resource: resource)
                return APIError.methodNotAllowed(request, allowed: allowed).response(headers: [.allow: allow])
            }
        }
        return self
    }

    /// `name` when the last component of `path` is `:name`.
    private static func resourceParameter(of path: String) -> String? {
        guard let last = path.split(separator: "/").last, last.first == ":" else { return nil }
        return String(last.dropFirst())
    }

    private static func refuseCustomMethod(_ request: Request, context: Context, resource: String?) throws(APIError) {
        guard let resource, let value = context.parameters[resource[...]], QueryParameters.decode(value).contains(":") else { return }
        throw APIError.unknownPath(request)
    }
}
