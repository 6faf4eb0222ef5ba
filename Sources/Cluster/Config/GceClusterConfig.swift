import Foundation

/// Compute Engine settings shared by every VM of a cluster (`config.gceClusterConfig`).
///
/// Keys: `zoneUri` (empty = let the server pick a zone), `networkUri`,
/// `subnetworkUri`, `internalIpOnly`, `serviceAccount`, `serviceAccountScopes`,
/// `tags`, `metadata`. Miniproc records them and returns them; they change
/// nothing locally. gcloud reads `zoneUri` from every cluster it creates, so the
/// server always returns this object.
public struct GceClusterConfig: Sendable, Hashable, Codable {
    /// The zone, bare or as a full URL; empty for auto-zone.
    public var zoneUri: String?
    /// The VPC network.
    public var networkUri: String?
    /// The subnetwork.
    public var subnetworkUri: String?
    /// Whether the VMs have internal IP addresses only.
    public var internalIpOnly: Bool?
    /// The VMs' service account.
    public var serviceAccount: String?
    /// The service account's OAuth scopes.
    public var serviceAccountScopes: [String]?
    /// Network tags.
    public var tags: [String]?
    /// Compute Engine metadata entries.
    public var metadata: [String: String]?

    /// A Compute Engine configuration; every field defaults to absent.
    public init(
        zoneUri: String? = nil,
        networkUri: String? = nil,
        subnetworkUri: String? = nil,
        internalIpOnly: Bool? = nil,
        serviceAccount: String? = nil,
        serviceAccountScopes: [String]? = nil,
        tags: [String]? = nil,
        metadata: [String: String]? = nil
    ) {
        self.zoneUri = zoneUri
        self.networkUri = networkUri
        self.subnetworkUri = subnetworkUri
        self.internalIpOnly = internalIpOnly
        self.serviceAccount = serviceAccount
        self.serviceAccountScopes = serviceAccountScopes
        self.tags = tags
        self.metadata = metadata
    }
}
