import Foundation

/// Something in a profile that was ignored rather than rejected, such as an unknown field.
///
/// Renders as `ClusterProfiles/x.yaml:4: config.workerConfig.numWorkers: unknown field … is ignored`.
public struct ProfileWarning: Sendable, Hashable, CustomStringConvertible {
    /// The profile file as the user would name it.
    public var file: String
    /// The 1-based line of the field.
    public var line: Int?
    /// The field path.
    public var field: String
    /// What was ignored, and what was probably meant.
    public var message: String

    /// A profile warning.
    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field: message`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        return text + ": \(field): \(message)"
    }
}
