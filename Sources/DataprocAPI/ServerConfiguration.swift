import Cluster
import Logging
import ResourceManager

/// How `miniproc serve` runs.
///
/// Keys and defaults:
/// - `host`: `127.0.0.1` — loopback only; the API has no authentication.
/// - `port`: 8085; 0 picks a free port (reported to `onServerRunning`).
/// - `dataDirectory`: required — the state database (`miniproc.sqlite`) and
///   the clusters' node directories live here.
/// - `storageRoot`: nil — `DATA_DIR/storage`; one directory per Cloud Storage bucket.
/// - `logger`: nil — a `miniproc.server` logger at `info`.
public struct ServerConfiguration: Sendable {
    /// The address to bind.
    public var host: String
    /// The port to bind; 0 for any free one.
    public var port: Int
    /// Where the state and the node directories live.
    public var dataDirectory: String
    /// The directory behind `gs://`; nil for `dataDirectory/storage`.
    public var storageRoot: String?
    /// Called with the bound port once the server accepts connections.
    public var onServerRunning: @Sendable (Int) async -> Void
    /// The logger; nil for the default.
    public var logger: Logger?
    /// The clusters' clock (TTLs, decommission timeouts, autoscaler cooldowns); manual in tests.
    public var clock: any ClusterClock

    /// A configuration with the defaults listed above.
    public init(
        dataDirectory: String, host: String = "127.0.0.1", port: Int = 8085, storageRoot: String? = nil,
        logger: Logger? = nil, clock: any ClusterClock = SystemClusterClock(),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.clock = clock
        self.dataDirectory = dataDirectory
        self.host = host
        self.port = port
        self.storageRoot = storageRoot
        self.logger = logger
        self.onServerRunning = onServerRunning
    }
}
