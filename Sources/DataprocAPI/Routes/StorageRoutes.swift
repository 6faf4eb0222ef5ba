import Hummingbird

/// The Cloud Storage JSON API subset: buckets and objects under `storage/v1`,
/// uploads under `upload/storage/v1`. Bucket and object names arrive
/// percent-encoded (`dir%2Ffile.txt`); an object name may also hold plain `/`.
struct StorageRoutes: Sendable {
    /// Where the two halves of the API live.
    static let prefixes = ["storage/v1", "upload/storage/v1"]

    let storage: StorageAPI

    /// Adds the routes to `router`.
    func register(on router: Router<BasicRequestContext>) {
        let json = router.group("storage/v1")
        json.endpoint("b", [.post: createBucket])
        json.endpoint("b/:bucket", customMethods: false, [.get: bucket])
        json.endpoint("b/:bucket/o", [.get: list])
        json.endpoint("b/:bucket/o/**", [.get: object, .delete: delete])
        router.group("upload/storage/v1").endpoint("b/:bucket/o", [.post: startUpload, .put: continueUpload])
    }

    private func createBucket(_ request: APIRequest) async throws -> Response {
        try storage.createBucket(body: request.body)
    }

    private func bucket(_ request: APIRequest) async throws -> Response {
        try storage.bucketMetadata(request.parameter("bucket"))
    }

    private func list(_ request: APIRequest) async throws -> Response {
        try storage.list(bucket: request.parameter("bucket"), query: request.query)
    }

    /// The object's metadata, or with `?alt=media` its bytes.
    private func object(_ request: APIRequest) async throws -> Response {
        let (bucket, name) = Self.object(of: request)
        if request.query["alt"] == "media" {
            return try storage.media(bucket: bucket, name: name, range: request.request.headers[.range])
        }
        return WireJSON.response(try storage.metadata(bucket: bucket, name: name))
    }

    private func delete(_ request: APIRequest) async throws -> Response {
        let (bucket, name) = Self.object(of: request)
        return try storage.delete(bucket: bucket, name: name)
    }

    private func startUpload(_ request: APIRequest) async throws -> Response {
        try await storage.startUpload(request.request, bucket: request.parameter("bucket"), query: request.query, body: request.body)
    }

    private func continueUpload(_ request: APIRequest) async throws -> Response {
        try await storage.continueUpload(request.request, query: request.query, body: request.body)
    }

    /// The bucket and the object name (everything after `o/`, slashes included), decoded.
    private static func object(of request: APIRequest) -> (bucket: String, name: String) {
        let name = request.parameters[Parameters.recursiveCaptureKey].map { QueryParameters.decode($0) } ?? ""
        return (request.parameter("bucket"), name)
    }
}
