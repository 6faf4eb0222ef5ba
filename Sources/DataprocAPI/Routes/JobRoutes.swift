import Hummingbird

/// `jobs` of a project and region: `jobs:submit`, list, get, update (labels),
/// delete and `:cancel`.
struct JobRoutes: Sendable {
    let service: DataprocService

    /// The routes, relative to a `projects/:project/regions/:region` scope.
    func collection() -> RouteCollection<BasicRequestContext> {
        let routes = RouteCollection(context: BasicRequestContext.self)
        routes.endpoint("jobs", [.get: list])
        routes.endpoint("jobs:submit", [.post: submit])
        routes.endpoint("jobs/:job", [.get: get, .patch: update, .delete: delete])
        routes.endpoint("jobs/{job}:cancel", [.post: cancel])
        return routes
    }

    private func submit(_ request: APIRequest) async throws -> Response {
        let submit = try request.decode(SubmitJobRequest.self)
        return WireJSON.response(try await service.submitJob(project: request.project, region: request.region, request: submit))
    }

    private func list(_ request: APIRequest) async throws -> Response {
        let query = request.query
        return WireJSON.response(try await service.listJobs(
            project: request.project, region: request.region, clusterName: query["clusterName"],
            stateMatcher: query["jobStateMatcher"], filter: query["filter"],
            pageSize: try query.integer("pageSize"), pageToken: query["pageToken"]))
    }

    private func get(_ request: APIRequest) async throws -> Response {
        WireJSON.response(try await service.getJob(request.key("job")))
    }

    private func update(_ request: APIRequest) async throws -> Response {
        let job = try request.decode(JobMessage.self)
        return WireJSON.response(try await service.updateJob(request.key("job"), body: job, mask: UpdateMask(request.query["updateMask"])))
    }

    private func delete(_ request: APIRequest) async throws -> Response {
        try await service.deleteJob(request.key("job"))
        return WireJSON.response(EmptyMessage())
    }

    private func cancel(_ request: APIRequest) async throws -> Response {
        WireJSON.response(try await service.cancelJob(request.key("job")))
    }
}
