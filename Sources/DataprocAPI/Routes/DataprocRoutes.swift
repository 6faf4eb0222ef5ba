import Hummingbird
import Logging

/// The HTTP surface: the Dataproc v1 REST API under
/// `/v1/projects/:project/regions/:region/…` (and `…/locations/:region/…`)
/// and the Cloud Storage subset under `/storage/v1` and `/upload/storage/v1`.
///
/// Each resource has its routes in a type of its own; a known path asked with
/// a method it does not serve answers 405, an unknown path 404, and every
/// failure leaves as Google's error body.
struct DataprocRoutes: Sendable {
    /// The scopes every Dataproc resource lives under: gcloud and the client
    /// libraries say `regions`, Serverless paths say `locations`.
    static let scopes: [RouterPath] = ["v1/projects/:project/regions/:region", "v1/projects/:project/locations/:region"]

    let service: DataprocService
    let storage: StorageAPI
    let logger: Logger

    /// Adds the error middleware and every route to `router`.
    func register(on router: Router<BasicRequestContext>) {
        // First, so that it wraps every route added below and the router's 404.
        router.add(middleware: APIErrorMiddleware(logger: logger))
        let collections = [
            ClusterRoutes(service: service).collection(),
            JobRoutes(service: service).collection(),
            OperationRoutes(service: service).collection(),
            PolicyRoutes(service: service).collection(),
            WorkflowRoutes(service: service).collection(),
        ]
        for scope in Self.scopes {
            let group = router.group(scope)
            for collection in collections { group.addRoutes(collection) }
        }
        StorageRoutes(storage: storage).register(on: router)
    }
}
