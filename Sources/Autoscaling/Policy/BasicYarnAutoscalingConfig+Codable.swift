import Cluster

extension BasicYarnAutoscalingConfig: Codable {
    private enum CodingKeys: String, CodingKey {
        case gracefulDecommissionTimeout, scaleUpFactor, scaleDownFactor
        case scaleUpMinWorkerFraction, scaleDownMinWorkerFraction
    }

    /// Decodes proto3 JSON; absent factors read as 0, as in the API.
    ///
    /// - Throws: ``AutoscalingPolicyError`` when `gracefulDecommissionTimeout` is absent,
    ///   `DecodingError` for a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let timeout = try container.decodeIfPresent(GoogleDuration.self, forKey: .gracefulDecommissionTimeout) else {
            throw AutoscalingPolicyError.missing(
                decoder.codingPath, CodingKeys.gracefulDecommissionTimeout.stringValue,
                hint: "set a duration between 0s and 1d, such as \"3600s\" or \"1h\"")
        }
        self.init(
            gracefulDecommissionTimeout: timeout,
            scaleUpFactor: try container.decodeProtoDoubleIfPresent(forKey: .scaleUpFactor) ?? 0,
            scaleDownFactor: try container.decodeProtoDoubleIfPresent(forKey: .scaleDownFactor) ?? 0,
            scaleUpMinWorkerFraction: try container.decodeProtoDoubleIfPresent(forKey: .scaleUpMinWorkerFraction) ?? 0,
            scaleDownMinWorkerFraction: try container.decodeProtoDoubleIfPresent(forKey: .scaleDownMinWorkerFraction) ?? 0
        )
    }

    /// Encodes proto3 JSON: the timeout always (it is a message), zero factors omitted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(gracefulDecommissionTimeout, forKey: .gracefulDecommissionTimeout)
        if scaleUpFactor != 0 { try container.encode(scaleUpFactor, forKey: .scaleUpFactor) }
        if scaleDownFactor != 0 { try container.encode(scaleDownFactor, forKey: .scaleDownFactor) }
        if scaleUpMinWorkerFraction != 0 { try container.encode(scaleUpMinWorkerFraction, forKey: .scaleUpMinWorkerFraction) }
        if scaleDownMinWorkerFraction != 0 { try container.encode(scaleDownMinWorkerFraction, forKey: .scaleDownMinWorkerFraction) }
    }
}
