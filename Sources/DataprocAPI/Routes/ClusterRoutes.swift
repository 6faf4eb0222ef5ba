import Cluster
import Hummingbird

/// `clusters` of a project and region: create, list, get, update, delete,
/// and the custom methods `:stop`, `:start` and `:scalingHistory`.
struct ClusterRoutes: Sendable {
    let service: DataprocService

    /// The routes, relative to a `projects/:project/regions/:region` scope.
    func collection() -> RouteCollection<BasicRequestContext> {
        let routes = RouteCollection(context: BasicRequestContext.self)
        routes.endpoint("clusters", [.get: list, .post: create])
        routes.endpoint("clusters/:cluster", [.get: get, .patch: update, .delete: delete])
        routes.endpoint("clusters/{cluster}:stop", [.post: stop])
        routes.endpoint("clusters/{cluster}:start", [.post: start])
        routes.endpoint("clusters/{cluster}:scalingHistory", [.get: scalingHistory])
        return routes
    }

    private func create(_ request: APIRequest) async throws -> Response {
        let spec = try request.decode(ClusterSpec.self)
        return WireJSON.response(try await service.createCluster(
            project: request.project, region: request.region, spec: spec, requestId: request.query["requestId"]))
    }

    private func list(_ request: APIRequest) async throws -> Response {
        let query = request.query
        return WireJSON.response(try await service.listClusters(
            project: request.project, region: request.region, filter: query["filter"],
            pageSize: try query.integer("pageSize"), pageToken: query["pageToken"]))
    }

    private func get(_ request: APIRequest) async throws -> Response {
        let bytes = try await service.getClusterJSON(request.key("cluster"))
        return Response(status: .ok, headers: [.contentType: WireJSON.contentType], body: ResponseBody(byteBuffer: bytes))
    }

    private func update(_ request: APIRequest) async throws -> Response {
        let spec = try request.decode(ClusterSpec.self)
        let query = request.query
        return WireJSON.response(try await service.updateCluster(
            request.key("cluster"), body: spec, mask: UpdateMask(query["updateMask"]),
            gracefulDecommissionTimeout: query["gracefulDecommissionTimeout"], requestId: query["requestId"]))
    }

    private func delete(_ request: APIRequest) async throws -> Response {
        WireJSON.response(try await service.deleteCluster(
            request.key("cluster"), clusterUuid: request.query["clusterUuid"], requestId: request.query["requestId"]))
    }

    private func stop(_ request: APIRequest) async throws -> Response {
        let (key, body) = try await lifecycleRequest(request)
        return WireJSON.response(try await service.stopCluster(key, requestId: body.requestId))
    }

    private func start(_ request: APIRequest) async throws -> Response {
        let (key, body) = try await lifecycleRequest(request)
        return WireJSON.response(try await service.startCluster(key, requestId: body.requestId))
    }

    private func scalingHistory(_ request: APIRequest) async throws -> Response {
        WireJSON.response(try await service.scalingHistory(request.key("cluster")))
    }

    /// `{"requestId", "clusterUuid"}` of `:stop` and `:start`.
    private struct LifecycleRequest: Decodable {
        var requestId: String?
        var clusterUuid: String?
    }

    /// The cluster and body of `:stop` or `:start`, once a `clusterUuid` in the body matches the cluster's.
    private func lifecycleRequest(_ request: APIRequest) async throws(APIError) -> (ResourceKey, LifecycleRequest) {
        let key = request.key("cluster")
        let body = try request.decode(LifecycleRequest.self)
        if let uuid = body.clusterUuid, !uuid.isEmpty, try await service.getCluster(key).clusterUuid != uuid {
            throw APIError(code: .notFound, message: "Not found: Cluster \(key.name("clusters")) with UUID \(uuid)")
        }
        return (key, body)
    }
}
