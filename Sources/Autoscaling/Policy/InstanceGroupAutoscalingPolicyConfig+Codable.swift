import Cluster

extension InstanceGroupAutoscalingPolicyConfig: Codable {
    private enum CodingKeys: String, CodingKey {
        case minInstances, maxInstances, weight
    }

    /// Decodes proto3 JSON; an absent `maxInstances` reads as 0, as in the API.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            minInstances: try container.decodeProtoInt32IfPresent(forKey: .minInstances),
            maxInstances: try container.decodeProtoInt32IfPresent(forKey: .maxInstances) ?? 0,
            weight: try container.decodeProtoInt32IfPresent(forKey: .weight)
        )
    }

    /// Encodes proto3 JSON: zero values are omitted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let minInstances, minInstances != 0 { try container.encode(minInstances, forKey: .minInstances) }
        if maxInstances != 0 { try container.encode(maxInstances, forKey: .maxInstances) }
        if let weight, weight != 0 { try container.encode(weight, forKey: .weight) }
    }
}
