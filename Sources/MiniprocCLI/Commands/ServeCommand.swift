import ArgumentParser
import DataprocAPI
import Hummingbird

/// `miniproc serve`: the Dataproc v1 REST API (and the Cloud Storage subset
/// gcloud needs) on loopback, with state in SQLite under the data directory.
struct ServeCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Dataproc v1 REST API for gcloud and client libraries, with state in SQLite.",
        discussion: """
        Point gcloud at it with the settings printed at start-up, then use it as Dataproc:
          gcloud dataproc clusters create c1 --region us-central1
          gcloud dataproc jobs submit hadoop --cluster c1 --region us-central1 \\
            --jar file:///usr/lib/hadoop-mapreduce/hadoop-mapreduce-examples.jar -- wordcount gs://b/in gs://b/out
        gs://BUCKET/OBJECT is the file STORAGE_ROOT/BUCKET/OBJECT. Stop with Ctrl-C; clusters come back on the next start.
        """
    )

    @Option(help: "The address to listen on. The API has no authentication: keep it on loopback.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 for any free port).")
    var port: Int = 8085

    @Option(name: .customLong("data-dir"), help: "Where the state database and the clusters' node directories live.")
    var dataDirectory: String = ".miniproc"

    @Option(name: .customLong("storage-root"), help: "The directory behind gs:// (one folder per bucket). Default: DATA_DIR/storage.")
    var storageRoot: String?

    func validate() throws {
        guard (0 ... 65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, got \(port)")
        }
        guard !dataDirectory.isEmpty else { throw ValidationError("--data-dir must not be empty; give a directory such as .miniproc") }
    }

    func run(console: Console) async throws {
        let host = self.host
        let configuration = ServerConfiguration(
            dataDirectory: dataDirectory, host: host, port: port, storageRoot: storageRoot,
            onServerRunning: { port in
                console.print(Self.banner(host: host, port: port))
            })
        let app = try await buildApplication(configuration: configuration)
        try await app.runService()
    }

    /// The gcloud settings that point at a server on `host:port`.
    static func banner(host: String, port: Int) -> String {
        let address = host.contains(":") ? "[\(host)]" : host
        return """
        Miniproc is serving the Dataproc API on http://\(address):\(port)/
        Point gcloud at it with:
          gcloud config set api_endpoint_overrides/dataproc http://\(address):\(port)/
          gcloud config set api_endpoint_overrides/storage http://\(address):\(port)/storage/v1/
          gcloud config set auth/disable_credentials true
        """
    }
}
