import Foundation
import ShippedProfiles

/// Finds and loads cluster profiles by name (`standard`) or by path (`my/cluster.yaml`).
///
/// A reference containing `/` or ending in `.yaml` or `.yml` is a path, relative
/// to `currentDirectory`. Any other reference is a name, looked up as
/// `NAME.yaml` (or `.yml`) in, first, `directory` when given; otherwise the first
/// `ClusterProfiles/` directory holding YAML files found walking up from
/// `currentDirectory`; and failing that, in the profiles shipped with Miniproc
/// (``ShippedProfiles``, every profile of the repository's `ClusterProfiles/`),
/// so a name works from any directory.
public struct ProfileLoader: Sendable {
    /// The name of the profiles directory searched for above the current directory.
    public static let directoryName = "ClusterProfiles"
    /// The profile used when none is named.
    public static let defaultProfileName = "small"

    /// An explicit profiles directory; nil to search upwards from `currentDirectory`.
    public var directory: URL?
    /// Where relative paths start and the upward search begins.
    public var currentDirectory: URL

    /// A loader that looks in `directory`, or searches upwards from `currentDirectory`
    /// (default: the process's current directory).
    public init(directory: URL? = nil, currentDirectory: URL? = nil) {
        self.directory = directory
        self.currentDirectory = currentDirectory
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }

    /// Whether `reference` names a file rather than a profile.
    public static func isPath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
    }

    /// Loads the profile `reference` names: a profile name or a path to a YAML file.
    ///
    /// - Throws: `ProfileError` naming the file, line, field and fix.
    public func load(_ reference: String) throws(ProfileError) -> LoadedProfile {
        if Self.isPath(reference) {
            return try load(contentsOf: URL(fileURLWithPath: reference, relativeTo: currentDirectory))
        }
        let searched = profilesDirectory()
        if let searched, let url = Self.file(named: reference, in: searched) {
            return try load(contentsOf: url)
        }
        // An explicit directory is taken at its word; only a searched-for one
        // falls back to the shipped profiles.
        if directory == nil, let url = Self.file(named: reference, in: ShippedProfiles.directory) {
            let text = try Self.shippedText(at: url)
            return try Self.parse(yaml: text, name: reference, file: Self.shippedLabel(url.lastPathComponent))
        }
        let available = availableProfileNames()
        let place = searched.map { "in \(display($0.path))/" } ?? "built in, and no \(Self.directoryName)/ directory was found above \(display(currentDirectory.path))"
        throw ProfileError(
            file: searched.map { display($0.path) } ?? Self.directoryName, line: nil, field: "",
            message: "no profile named '\(reference)' \(place)",
            fix: "use one of \(available.joined(separator: ", ")), or give a path to a .yaml file"
        )
    }

    /// Loads the profile in the file at `url`; its name is the file name without extension.
    public func load(contentsOf url: URL) throws(ProfileError) -> LoadedProfile {
        let shown = display(url.path)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw ProfileError(
                file: shown, line: nil, field: "",
                message: exists ? "the file cannot be read as UTF-8 text" : "no such file",
                fix: exists ? "save it as UTF-8 YAML" : "check the path, or give a profile name such as \(Self.defaultProfileName)"
            )
        }
        return try Self.parse(yaml: text, name: url.deletingPathExtension().lastPathComponent, file: shown)
    }

    /// Parses profile YAML held in memory; `file` is what messages call it.
    public static func parse(yaml: String, name: String, file: String) throws(ProfileError) -> LoadedProfile {
        var parser = ProfileParser(name: name, file: file)
        return try parser.parse(yaml)
    }

    /// The directory names are looked up in: `directory`, else the nearest
    /// `ClusterProfiles/` holding a YAML file at or above `currentDirectory`.
    ///
    /// A `ClusterProfiles/` without YAML files is skipped so that a source folder
    /// of the same name (such as this module's) is never mistaken for profiles.
    public func profilesDirectory() -> URL? {
        if let directory { return directory }
        var candidate = currentDirectory.standardizedFileURL
        while true {
            let profiles = candidate.appendingPathComponent(Self.directoryName, isDirectory: true)
            if !Self.profileNames(in: profiles).isEmpty { return profiles }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return nil }
            candidate = parent
        }
    }

    /// Every profile name that `load(_:)` would find, sorted.
    public func availableProfileNames() -> [String] {
        var names = Set(profilesDirectory().map { Self.profileNames(in: $0) } ?? [])
        if directory == nil { names.formUnion(Self.profileNames(in: ShippedProfiles.directory)) }
        return names.sorted()
    }

    /// The names of the files in `directory` ending in one of `extensions`.
    static func profileNames(in directory: URL, extensions: [String] = ["yaml", "yml"]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return []
        }
        // An unreadable folder offers no profile: `load(_:)` then says the name is
        // unknown and where it looked, which is the fix the user needs.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension) }
            .map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
    }

    /// The file `NAME.EXT` in `directory` for the first of `extensions` that exists.
    static func file(named name: String, in directory: URL, extensions: [String] = ["yaml", "yml"]) -> URL? {
        for ext in extensions {
            let url = directory.appendingPathComponent("\(name).\(ext)")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// What messages call the shipped file at `relativePath` (e.g. `policies/default.yaml`):
    /// its place in the repository's folder, marked as built in.
    static func shippedLabel(_ relativePath: String) -> String {
        "\(directoryName)/\(relativePath) (built in)"
    }

    /// The text of a shipped file, or an error saying the installation is incomplete.
    static func shippedText(at url: URL) throws(ProfileError) -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ProfileError(
                file: url.path, line: nil, field: "", message: "the built-in file cannot be read",
                fix: "reinstall miniproc together with its resource bundle, or give a path to a .yaml file"
            )
        }
    }

    /// `path` relative to the current directory when inside it, as users typed it.
    private func display(_ path: String) -> String {
        let base = currentDirectory.standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}
