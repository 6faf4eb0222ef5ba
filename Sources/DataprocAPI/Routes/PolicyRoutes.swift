import Autoscaling
import Hummingbird

/// `autoscalingPolicies` of a project and region: create, list, get,
/// replace (PUT) and delete.
struct PolicyRoutes: Sendable {
    let service: DataprocService

    /// The routes, relative to a `projects/:project/regions/:region` scope.
    func collection() -> RouteCollection<BasicRequestContext> {
        let routes = RouteCollection(context: BasicRequestContext.self)
        routes.endpoint("autoscalingPolicies", [.get: list, .post: create])
        routes.endpoint("autoscalingPolicies/:policy", [.get: get, .put: replace, .delete: delete])
        return routes
    }

    private func create(_ request: APIRequest) async throws -> Response {
        let policy = try request.decode(AutoscalingPolicy.self)
        return WireJSON.response(try await service.createPolicy(project: request.project, region: request.region, policy: policy))
    }

    private func list(_ request: APIRequest) async throws -> Response {
        WireJSON.response(try await service.listPolicies(
            project: request.project, region: request.region,
            pageSize: try request.query.integer("pageSize"), pageToken: request.query["pageToken"]))
    }

    private func get(_ request: APIRequest) async throws -> Response {
        WireJSON.response(try await service.getPolicy(request.key("policy")))
    }

    private func replace(_ request: APIRequest) async throws -> Response {
        let policy = try request.decode(AutoscalingPolicy.self)
        return WireJSON.response(try await service.updatePolicy(request.key("policy"), policy: policy))
    }

    private func delete(_ request: APIRequest) async throws -> Response {
        try await service.deletePolicy(request.key("policy"))
        return WireJSON.response(EmptyMessage())
    }
}
