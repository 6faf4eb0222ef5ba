extension AutoscalingPolicy {
    /// The kind of cluster a policy applies to (`AutoscalingPolicy.ClusterType`).
    ///
    /// Decodes from the enum name or, as the Python client sends it, the enum number;
    /// encodes as the name.
    public enum ClusterType: String, Sendable, Hashable, CaseIterable {
        /// Not set (`CLUSTER_TYPE_UNSPECIFIED`, 0); omitted from JSON.
        case unspecified = "CLUSTER_TYPE_UNSPECIFIED"
        /// A standard cluster (`STANDARD`, 1).
        case standard = "STANDARD"
        /// A zero-scale cluster (`ZERO_SCALE`, 2).
        case zeroScale = "ZERO_SCALE"

        /// The proto enum number.
        public var number: Int {
            switch self {
            case .unspecified: 0
            case .standard: 1
            case .zeroScale: 2
            }
        }

        /// The case with proto enum number `number`, if any.
        public init?(number: Int) {
            guard let match = Self.allCases.first(where: { $0.number == number }) else { return nil }
            self = match
        }
    }
}
