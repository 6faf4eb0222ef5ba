extension AutoscalingPolicy: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, workerConfig, secondaryWorkerConfig, basicAlgorithm, labels, clusterType
    }

    /// Decodes the policy as gcloud sends it and the API serves it.
    ///
    /// Durations may be `"240s"` or the short forms `"4m"`, `"1h"`; numbers may be
    /// JSON numbers or strings; `clusterType` may be a name or a number. When `id` is
    /// absent it is taken from the last segment of `name`, as a `PUT` body carries only
    /// `name`; when both are absent it is empty and ``validate()`` reports it.
    ///
    /// - Throws: ``AutoscalingPolicyError`` when `workerConfig`, `basicAlgorithm` or a
    ///   required field inside them is absent; `DecodingError` for a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decodeIfPresent(String.self, forKey: .name)
        let id = try container.decodeIfPresent(String.self, forKey: .id)
            ?? name.flatMap { $0.split(separator: "/").last.map(String.init) }
            ?? ""
        guard let workerConfig = try container.decodeIfPresent(
            InstanceGroupAutoscalingPolicyConfig.self, forKey: .workerConfig)
        else {
            throw AutoscalingPolicyError.missing(
                decoder.codingPath, CodingKeys.workerConfig.stringValue,
                hint: "set at least workerConfig.maxInstances")
        }
        guard let basicAlgorithm = try container.decodeIfPresent(
            BasicAutoscalingAlgorithm.self, forKey: .basicAlgorithm)
        else {
            throw AutoscalingPolicyError.missing(
                decoder.codingPath, CodingKeys.basicAlgorithm.stringValue,
                hint: "set basicAlgorithm.yarnConfig")
        }
        self.init(
            id: id,
            name: name,
            workerConfig: workerConfig,
            secondaryWorkerConfig: try container.decodeIfPresent(
                InstanceGroupAutoscalingPolicyConfig.self, forKey: .secondaryWorkerConfig),
            basicAlgorithm: basicAlgorithm,
            labels: try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:],
            clusterType: try container.decodeIfPresent(ClusterType.self, forKey: .clusterType) ?? .unspecified
        )
    }

    /// Encodes proto3 JSON: absent and empty fields omitted, durations as `"Ns"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !id.isEmpty { try container.encode(id, forKey: .id) }
        try container.encodeIfPresent(name, forKey: .name)
        try container.encode(workerConfig, forKey: .workerConfig)
        try container.encodeIfPresent(secondaryWorkerConfig, forKey: .secondaryWorkerConfig)
        try container.encode(basicAlgorithm, forKey: .basicAlgorithm)
        if !labels.isEmpty { try container.encode(labels, forKey: .labels) }
        if clusterType != .unspecified { try container.encode(clusterType, forKey: .clusterType) }
    }
}
