import Autoscaling
import Foundation
import Yams

/// Finds and loads autoscaling policies by name (`default`) or by path
/// (`my/policy.yaml`), in the YAML shape `gcloud dataproc autoscaling-policies import` takes.
///
/// A name is looked up as `NAME.yaml` (or `.yml`) in the `policies/` folder of the
/// profiles directory that ``ProfileLoader`` finds (`ClusterProfiles/policies/`), and,
/// unless that directory was given explicitly, then in the policies shipped with
/// Miniproc (``ShippedProfiles``), so a name works from any directory. A
/// policy without `id` takes its file name, as `gcloud … import ID --source FILE`
/// gives it one. The policy is validated; any mistake is a ``ProfileError`` naming the
/// file, the line, the field and the fix.
public struct PolicyLoader: Sendable {
    /// The folder under the profiles directory that holds policies.
    public static let directoryName = "policies"

    /// Where names are looked up and relative paths start.
    public var profiles: ProfileLoader

    /// A loader that uses `profiles` to find the profiles directory (default: searched
    /// upwards from the current directory).
    public init(profiles: ProfileLoader = ProfileLoader()) {
        self.profiles = profiles
    }

    /// The directory policy names are looked up in first, if a profiles directory was found.
    public func policiesDirectory() -> URL? { lookup.directory }

    /// Every policy name that ``load(_:)`` would find, sorted.
    public func availablePolicyNames() -> [String] { lookup.availableNames() }

    private var lookup: NamedFileLookup {
        NamedFileLookup(profiles: profiles, folder: Self.directoryName, extensions: ["yaml", "yml"], kind: "autoscaling policy", noun: "policy")
    }

    /// Loads the policy `reference` names: a policy name or a path to a YAML file.
    ///
    /// - Throws: ``ProfileError`` naming the file, line, field and fix.
    public func load(_ reference: String) throws(ProfileError) -> AutoscalingPolicy {
        if ProfileLoader.isPath(reference) {
            return try load(contentsOf: URL(fileURLWithPath: reference, relativeTo: profiles.currentDirectory))
        }
        switch try lookup.find(reference) {
        case let .file(url): return try load(contentsOf: url)
        case let .shipped(text, label): return try Self.parse(yaml: text, id: reference, file: label)
        }
    }

    /// Loads the policy in the file at `url`; without an `id` it takes the file's name.
    public func load(contentsOf url: URL) throws(ProfileError) -> AutoscalingPolicy {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ProfileError(file: url.relativePath, line: nil, field: "", message: "no such file, or not UTF-8 text",
                               fix: "check the path, or give a policy name such as default")
        }
        return try Self.parse(yaml: text, id: url.deletingPathExtension().lastPathComponent, file: url.relativePath)
    }

    /// Parses policy YAML held in memory; `id` is used when the YAML has none, and
    /// `file` is what messages call it.
    public static func parse(yaml: String, id: String, file: String) throws(ProfileError) -> AutoscalingPolicy {
        let locator = YAMLLocator(text: yaml)
        var policy: AutoscalingPolicy
        do {
            policy = try YAMLDecoder().decode(AutoscalingPolicy.self, from: yaml)
        } catch {
            let cause = YAMLErrors.unwrapped(error)
            if let cause = cause as? AutoscalingPolicyError { throw profileError(cause, file: file, locator: locator) }
            throw YAMLErrors.profileError(cause, file: file, locator: locator, example: "the shape gcloud dataproc autoscaling-policies export writes")
        }
        if policy.id.isEmpty { policy.id = id }
        do {
            try policy.validate()
        } catch {
            throw profileError(error, file: file, locator: locator)
        }
        return policy
    }

    private static func profileError(_ error: AutoscalingPolicyError, file: String, locator: YAMLLocator) -> ProfileError {
        let first = error.violations.first
        let field = first?.field ?? ""
        var message = first?.description ?? error.message
        if message.hasPrefix(field + " ") { message = String(message.dropFirst(field.count + 1)) }
        let leaf = field.split(separator: ".").last.map(String.init) ?? field
        return ProfileError(file: file, line: locator.line(of: field), field: field, message: message,
                            fix: message.contains("required") ? "add \(leaf)" : "set \(leaf) within the range given")
    }
}
