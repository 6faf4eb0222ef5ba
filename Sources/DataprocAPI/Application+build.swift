import Foundation
import Hummingbird
import Logging
import Persistence

/// Builds the server: opens (or creates) the state database in
/// `configuration.dataDirectory`, brings back the clusters, jobs, operations
/// and policies it holds, and returns the application serving the Dataproc
/// API and the Cloud Storage subset. `miniproc serve` and the tests both use it.
///
/// - Throws: `StoreError` when the database cannot be opened or read.
public func buildApplication(configuration: ServerConfiguration) async throws -> some ApplicationProtocol {
    var logger = configuration.logger ?? Logger(label: "miniproc.server")
    if configuration.logger == nil { logger.logLevel = .info }
    let dataDirectory = URL(fileURLWithPath: configuration.dataDirectory).standardizedFileURL.path
    let store = try Store(directory: dataDirectory)
    let storage = StorageRoot(path: configuration.storageRoot ?? dataDirectory + "/storage")
    try FileManager.default.createDirectory(atPath: storage.path, withIntermediateDirectories: true)
    let service = DataprocService(store: store, storage: storage, dataDirectory: dataDirectory, clock: configuration.clock, logger: logger)
    try await service.restore()

    let router = Router(context: BasicRequestContext.self)
    DataprocRoutes(
        service: service, storage: StorageAPI(root: storage, uploadDirectory: dataDirectory + "/uploads"), logger: logger
    ).register(on: router)
    let onServerRunning = configuration.onServerRunning
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "miniproc"),
        services: [service],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}
