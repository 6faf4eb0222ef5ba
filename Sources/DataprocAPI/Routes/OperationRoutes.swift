import Hummingbird

/// `operations` of a project and region: list, get, delete and `:cancel`.
struct OperationRoutes: Sendable {
    let service: DataprocService

    /// The routes, relative to a `projects/:project/regions/:region` scope.
    func collection() -> RouteCollection<BasicRequestContext> {
        let routes = RouteCollection(context: BasicRequestContext.self)
        routes.endpoint("operations", [.get: list])
        routes.endpoint("operations/:operation", [.get: get, .delete: delete])
        routes.endpoint("operations/{operation}:cancel", [.post: cancel])
        return routes
    }

    private func list(_ request: APIRequest) async throws -> Response {
        let query = request.query
        return WireJSON.response(try await service.listOperations(
            project: request.project, region: request.region, filter: query["filter"],
            pageSize: try query.integer("pageSize"), pageToken: query["pageToken"]))
    }

    private func get(_ request: APIRequest) async throws -> Response {
        WireJSON.response(try await service.getOperation(request.key("operation")))
    }

    private func delete(_ request: APIRequest) async throws -> Response {
        try await service.deleteOperation(request.key("operation"))
        return WireJSON.response(EmptyMessage())
    }

    private func cancel(_ request: APIRequest) async throws -> Response {
        try await service.cancelOperation(request.key("operation"))
        return WireJSON.response(EmptyMessage())
    }
}
