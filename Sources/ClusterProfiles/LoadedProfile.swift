import Foundation

/// A profile together with what was ignored while loading it.
public struct LoadedProfile: Sendable, Hashable {
    /// The profile.
    public var profile: ClusterProfile
    /// Fields that were ignored, each with its file and line.
    public var warnings: [ProfileWarning]

    /// A loaded profile.
    public init(profile: ClusterProfile, warnings: [ProfileWarning] = []) {
        self.profile = profile
        self.warnings = warnings
    }
}
