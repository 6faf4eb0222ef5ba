import Autoscaling
import Cluster
import Foundation
import Hummingbird
import Logging

/// The HTTP surface: the Dataproc v1 REST API under `/v1/projects/P/regions/R/…`
/// and the Cloud Storage subset under `/storage/v1` and `/upload/storage/v1`.
///
/// Every failure leaves as Google's error body; nothing else is translated to HTTP.
struct DataprocRoutes: Sendable {
    let service: DataprocService
    let storage: StorageAPI
    let logger: Logger

    /// The largest request body accepted (uploads included).
    static let maximumBodyBytes = 512 << 20

    func register(on router: Router<BasicRequestContext>) {
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
            for path in ["/v1/**", "/storage/v1/**", "/upload/storage/v1/**"] {
                router.on(RouterPath(path), method: method) { request, _ in await self.respond(to: request) }
            }
        }
    }

    func respond(to request: Request) async -> Response {
        do {
            var request = request
            let body = try await request.collectBody(upTo: Self.maximumBodyBytes)
            return try await dispatch(request, body: body)
        } catch let error as APIError {
            return WireJSON.response(error.body, status: error.status)
        } catch {
            logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            let failure = APIError(code: .internal, message: "Internal error: \(error)")
            return WireJSON.response(failure.body, status: failure.status)
        }
    }

    private func dispatch(_ request: Request, body: ByteBuffer) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix("/upload/storage/v1/") {
            return try await storage.handle(request, rest: path.dropFirst("/upload/storage/v1/".count), upload: true, body: body)
        }
        if path.hasPrefix("/storage/v1/") {
            return try await storage.handle(request, rest: path.dropFirst("/storage/v1/".count), upload: false, body: body)
        }
        let segments = path.dropFirst("/v1/".count).split(separator: "/", omittingEmptySubsequences: false)
            .map { QueryParameters.decode($0) }
        guard segments.count >= 5, segments[0] == "projects", !segments[1].isEmpty,
              segments[2] == "regions" || segments[2] == "locations", !segments[3].isEmpty
        else { throw notFound(request) }
        let project = segments[1]
        let region = segments[3]
        let query = QueryParameters(request.uri.query)
        let (collection, collectionVerb) = Self.splitVerb(segments[4])
        let id = segments.count > 5 ? Self.splitVerb(segments[5]) : nil
        guard segments.count <= 6 else { throw notFound(request) }
        let key = ResourceKey(project: project, region: region, id: id?.name ?? "")
        let method = request.method

        switch (collection, collectionVerb, id?.verb, method) {
        // Clusters
        case ("clusters", nil, nil, .post) where id == nil:
            let spec = try WireJSON.decode(ClusterSpec.self, from: body)
            return WireJSON.response(try await service.createCluster(project: project, region: region, spec: spec, requestId: query["requestId"]))
        case ("clusters", nil, nil, .get) where id == nil:
            return WireJSON.response(try await service.listClusters(
                project: project, region: region, filter: query["filter"], pageSize: try query.integer("pageSize"), pageToken: query["pageToken"]))
        case ("clusters", nil, "scalingHistory", .get):
            return WireJSON.response(try await service.scalingHistory(key))
        case ("clusters", nil, nil, .get):
            let bytes = try await service.getClusterJSON(key)
            return Response(status: .ok, headers: [.contentType: WireJSON.contentType], body: ResponseBody(byteBuffer: bytes))
        case ("clusters", nil, nil, .patch):
            let spec = try WireJSON.decode(ClusterSpec.self, from: body)
            return WireJSON.response(try await service.updateCluster(
                key, body: spec, mask: UpdateMask(query["updateMask"]),
                gracefulDecommissionTimeout: query["gracefulDecommissionTimeout"], requestId: query["requestId"]))
        case ("clusters", nil, nil, .delete):
            return WireJSON.response(try await service.deleteCluster(key, clusterUuid: query["clusterUuid"], requestId: query["requestId"]))
        case ("clusters", nil, "stop", .post):
            let request = try WireJSON.decode(LifecycleRequest.self, from: body)
            try await checkUuid(request.clusterUuid, key: key)
            return WireJSON.response(try await service.stopCluster(key, requestId: request.requestId))
        case ("clusters", nil, "start", .post):
            let request = try WireJSON.decode(LifecycleRequest.self, from: body)
            try await checkUuid(request.clusterUuid, key: key)
            return WireJSON.response(try await service.startCluster(key, requestId: request.requestId))

        // Operations
        case ("operations", nil, nil, .get) where id == nil:
            return WireJSON.response(try await service.listOperations(
                project: project, region: region, filter: query["filter"], pageSize: try query.integer("pageSize"), pageToken: query["pageToken"]))
        case ("operations", nil, nil, .get):
            return WireJSON.response(try await service.getOperation(key))
        case ("operations", nil, "cancel", .post):
            try await service.cancelOperation(key)
            return WireJSON.response(EmptyMessage())
        case ("operations", nil, nil, .delete):
            try await service.deleteOperation(key)
            return WireJSON.response(EmptyMessage())

        // Jobs
        case ("jobs", "submit", nil, .post) where id == nil:
            let submit = try WireJSON.decode(SubmitJobRequest.self, from: body)
            return WireJSON.response(try await service.submitJob(project: project, region: region, request: submit))
        case ("jobs", nil, nil, .get) where id == nil:
            return WireJSON.response(try await service.listJobs(
                project: project, region: region, clusterName: query["clusterName"], stateMatcher: query["jobStateMatcher"],
                filter: query["filter"], pageSize: try query.integer("pageSize"), pageToken: query["pageToken"]))
        case ("jobs", nil, nil, .get):
            return WireJSON.response(try await service.getJob(key))
        case ("jobs", nil, "cancel", .post):
            return WireJSON.response(try await service.cancelJob(key))
        case ("jobs", nil, nil, .delete):
            try await service.deleteJob(key)
            return WireJSON.response(EmptyMessage())
        case ("jobs", nil, nil, .patch):
            let job = try WireJSON.decode(JobMessage.self, from: body)
            return WireJSON.response(try await service.updateJob(key, body: job, mask: UpdateMask(query["updateMask"])))

        // Autoscaling policies
        case ("autoscalingPolicies", nil, nil, .post) where id == nil:
            let policy = try WireJSON.decode(AutoscalingPolicy.self, from: body)
            return WireJSON.response(try await service.createPolicy(project: project, region: region, policy: policy))
        case ("autoscalingPolicies", nil, nil, .get) where id == nil:
            return WireJSON.response(try await service.listPolicies(
                project: project, region: region, pageSize: try query.integer("pageSize"), pageToken: query["pageToken"]))
        case ("autoscalingPolicies", nil, nil, .get):
            return WireJSON.response(try await service.getPolicy(key))
        case ("autoscalingPolicies", nil, nil, .put):
            let policy = try WireJSON.decode(AutoscalingPolicy.self, from: body)
            return WireJSON.response(try await service.updatePolicy(key, policy: policy))
        case ("autoscalingPolicies", nil, nil, .delete):
            try await service.deletePolicy(key)
            return WireJSON.response(EmptyMessage())

        // Workflows
        case ("workflowTemplates", "instantiateInline", nil, .post) where id == nil:
            let template = try WireJSON.decode(WorkflowTemplateMessage.self, from: body)
            return WireJSON.response(try await service.instantiateInline(
                project: project, region: region, template: template, requestId: query["requestId"]))

        default:
            throw notFound(request)
        }
    }

    /// `{"requestId", "clusterUuid"}` of `:stop` and `:start`.
    private struct LifecycleRequest: Decodable {
        var requestId: String?
        var clusterUuid: String?
    }

    private func checkUuid(_ uuid: String?, key: ResourceKey) async throws(APIError) {
        guard let uuid, !uuid.isEmpty else { return }
        let message = try await service.getCluster(key)
        if message.clusterUuid != uuid {
            throw APIError(code: .notFound, message: "Not found: Cluster \(key.name("clusters")) with UUID \(uuid)")
        }
    }

    /// `c1:stop` → (`c1`, `stop`).
    static func splitVerb(_ segment: String) -> (name: String, verb: String?) {
        guard let colon = segment.lastIndex(of: ":") else { return (segment, nil) }
        return (String(segment[..<colon]), String(segment[segment.index(after: colon)...]))
    }

    private func notFound(_ request: Request) -> APIError {
        APIError(code: .notFound, message: "The requested URL \(request.uri.path) was not found on this server (\(request.method)).")
    }
}
