import Cluster

extension AutoscalingPolicy.ClusterType: Codable {
    /// Decodes the enum name (`"ZERO_SCALE"`) or number (`2`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try container.decodeIfWritten(as: Int.self) {
            guard let value = Self(number: number) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\(number) is not a cluster type; use STANDARD (1) or ZERO_SCALE (2)")
            }
            self = value
            return
        }
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a cluster type; use STANDARD or ZERO_SCALE")
        }
        self = value
    }

    /// Encodes the enum name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
