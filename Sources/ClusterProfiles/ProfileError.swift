import Foundation

/// A mistake in a cluster profile, an autoscaling policy file or a workload trace,
/// pointing at the file, the line and the field, with the fix.
///
/// Renders as `ClusterProfiles/bad.yaml:7: config.workerConfig.numInstances: … Fix: …`.
public struct ProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The profile file as the user would name it (relative to the current directory when inside it).
    public var file: String
    /// The 1-based line of the offending field, when there is one.
    public var line: Int?
    /// The field path, such as `config.workerConfig.numInstances`; empty for file-level problems.
    public var field: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var fix: String

    /// A profile error.
    public init(file: String, line: Int?, field: String, message: String, fix: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.fix = fix
    }

    /// `file:line: field: message. Fix: fix`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if !field.isEmpty { text += "\(field): " }
        return text + "\(message). Fix: \(fix)"
    }
}
