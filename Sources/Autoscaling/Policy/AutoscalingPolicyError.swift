/// An autoscaling policy that cannot be accepted, with one violation per bad field.
///
/// Each violation names the field by its API path (`basicAlgorithm.yarnConfig.scaleUpFactor`),
/// the value and the allowed range, so an HTTP layer can render the violations as
/// `google.rpc.BadRequest.fieldViolations` and a CLI can print ``message``.
public struct AutoscalingPolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One bad field.
    public struct FieldViolation: Sendable, Hashable, Codable {
        /// The field's camelCase path in the policy, e.g. `workerConfig.maxInstances`.
        public var field: String
        /// What is wrong and what is allowed, starting with the field's path.
        public var description: String

        /// A violation of `field`.
        public init(field: String, description: String) {
            self.field = field
            self.description = description
        }
    }

    /// The violations, in the order of the policy's fields; never empty.
    public var violations: [FieldViolation]

    /// An error with the given violations.
    public init(violations: [FieldViolation]) {
        self.violations = violations
    }

    /// An error with a single violation.
    public init(field: String, description: String) {
        self.violations = [FieldViolation(field: field, description: description)]
    }

    /// Every violation's description, joined by "; ".
    public var message: String {
        violations.map(\.description).joined(separator: "; ")
    }

    /// Same as ``message``.
    public var description: String { message }
}
