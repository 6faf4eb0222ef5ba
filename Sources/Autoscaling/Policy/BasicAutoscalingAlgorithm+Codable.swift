import Cluster

extension BasicAutoscalingAlgorithm: Codable {
    private enum CodingKeys: String, CodingKey {
        case cooldownPeriod, yarnConfig
    }

    /// Decodes proto3 JSON; an absent `cooldownPeriod` is the 2m default.
    ///
    /// - Throws: ``AutoscalingPolicyError`` when `yarnConfig` is absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let yarnConfig = try container.decodeIfPresent(BasicYarnAutoscalingConfig.self, forKey: .yarnConfig) else {
            throw AutoscalingPolicyError.missing(
                decoder.codingPath, CodingKeys.yarnConfig.stringValue,
                hint: "set gracefulDecommissionTimeout, scaleUpFactor and scaleDownFactor")
        }
        self.init(
            cooldownPeriod: try container.decodeIfPresent(GoogleDuration.self, forKey: .cooldownPeriod)
                ?? Self.defaultCooldownPeriod,
            yarnConfig: yarnConfig
        )
    }

    /// Encodes proto3 JSON, durations as `"Ns"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cooldownPeriod, forKey: .cooldownPeriod)
        try container.encode(yarnConfig, forKey: .yarnConfig)
    }
}
