import Foundation
import Hummingbird

/// One request as a route handler reads it: the path parameters the route
/// captured (percent-decoded on access), the query and the collected body.
struct APIRequest: Sendable {
    /// The largest request body accepted (uploads included).
    static let maximumBodyBytes = 512 << 20

    /// The request, its body already collected into `body`.
    let request: Request
    let parameters: Parameters
    let query: QueryParameters
    let body: ByteBuffer

    /// Collects the body of `request`, up to `maximumBodyBytes`.
    ///
    /// - Throws: `NIOTooManyBytesError` when the body is larger.
    init(_ request: Request, context: BasicRequestContext) async throws {
        var request = request
        body = try await request.collectBody(upTo: Self.maximumBodyBytes)
        self.request = request
        parameters = context.parameters
        query = QueryParameters(request.uri.query)
    }

    /// Path parameter `name`, percent-decoded; empty when the route has none of that name.
    func parameter(_ name: String) -> String {
        parameters[name[...]].map { QueryParameters.decode($0) } ?? ""
    }

    /// The `:project` of the scope.
    var project: String { parameter("project") }

    /// The `:region` of the scope (a region or a location).
    var region: String { parameter("region") }

    /// The resource that path parameter `name` identifies, in the scope's project and region.
    func key(_ name: String) -> ResourceKey {
        ResourceKey(project: project, region: region, id: parameter(name))
    }

    /// The body as `T`.
    ///
    /// - Throws: `APIError` INVALID_ARGUMENT naming the field at fault.
    func decode<T: Decodable>(_ type: T.Type) throws(APIError) -> T {
        try WireJSON.decode(type, from: body)
    }
}
