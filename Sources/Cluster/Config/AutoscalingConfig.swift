import Foundation

/// The autoscaling policy a cluster follows (`config.autoscalingConfig`).
///
/// Keys: `policyUri`, `projects/P/regions/R/autoscalingPolicies/ID` or its full URL.
public struct AutoscalingConfig: Sendable, Hashable, Codable {
    /// The policy's resource name or URL.
    public var policyUri: String?

    /// An autoscaling configuration following `policyUri`.
    public init(policyUri: String? = nil) {
        self.policyUri = policyUri
    }
}
