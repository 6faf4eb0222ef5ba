import Cluster

extension AutoscalingPolicyError {
    /// The error for a required message field `key` under `codingPath` that is absent;
    /// `hint` says what to set.
    static func missing(_ codingPath: [any CodingKey], _ key: String, hint: String) -> AutoscalingPolicyError {
        let field = ProtoJSON.fieldPath(codingPath, key)
        return AutoscalingPolicyError(field: field, description: "\(field) is required; \(hint)")
    }
}
