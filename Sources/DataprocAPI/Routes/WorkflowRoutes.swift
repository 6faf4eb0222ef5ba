import Hummingbird

/// `workflowTemplates` of a project and region: `:instantiateInline`.
struct WorkflowRoutes: Sendable {
    let service: DataprocService

    /// The routes, relative to a `projects/:project/regions/:region` scope.
    func collection() -> RouteCollection<BasicRequestContext> {
        let routes = RouteCollection(context: BasicRequestContext.self)
        routes.endpoint("workflowTemplates:instantiateInline", [.post: instantiateInline])
        return routes
    }

    private func instantiateInline(_ request: APIRequest) async throws -> Response {
        let template = try request.decode(WorkflowTemplateMessage.self)
        return WireJSON.response(try await service.instantiateInline(
            project: request.project, region: request.region, template: template, requestId: request.query["requestId"]))
    }
}
