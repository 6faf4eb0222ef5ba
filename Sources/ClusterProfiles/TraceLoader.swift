import Autoscaling
import Foundation
import Yams

/// Finds and loads simulation workload traces by name (`example`) or by path
/// (`my/trace.yaml`), as YAML or JSON (see ``SimulationTrace`` for the format);
/// mistakes are ``ProfileError``s naming the file, line, field and fix.
///
/// A reference containing `/` or ending in `.yaml`, `.yml` or `.json` is a path,
/// relative to the current directory. Any other reference is a name, looked up as
/// `NAME.yaml` (or `.yml`, `.json`) in the `traces/` folder of the profiles
/// directory that ``ProfileLoader`` finds (`ClusterProfiles/traces/`), and, unless
/// that directory was given explicitly, then in the traces shipped with Miniproc
/// (``ShippedProfiles``).
public struct TraceLoader: Sendable {
    /// The folder under the profiles directory that holds traces.
    public static let directoryName = "traces"

    /// Where names are looked up and relative paths start.
    public var profiles: ProfileLoader

    /// Where relative paths start.
    public var currentDirectory: URL {
        get { profiles.currentDirectory }
        set { profiles.currentDirectory = newValue }
    }

    /// A loader resolving relative paths against, and searching upwards for the
    /// profiles directory from, `currentDirectory` (default: the process's current directory).
    public init(currentDirectory: URL? = nil) {
        self.init(profiles: ProfileLoader(currentDirectory: currentDirectory))
    }

    /// A loader that uses `profiles` to find the profiles directory and to resolve relative paths.
    public init(profiles: ProfileLoader) {
        self.profiles = profiles
    }

    /// Whether `reference` names a file rather than a shipped or profiles-directory trace.
    public static func isPath(_ reference: String) -> Bool {
        ProfileLoader.isPath(reference) || reference.hasSuffix(".json")
    }

    /// The directory trace names are looked up in first, if a profiles directory was found.
    public func tracesDirectory() -> URL? { lookup.directory }

    /// Every trace name that ``load(_:)`` would find, sorted.
    public func availableTraceNames() -> [String] { lookup.availableNames() }

    private var lookup: NamedFileLookup {
        NamedFileLookup(profiles: profiles, folder: Self.directoryName, extensions: ["yaml", "yml", "json"], kind: "trace", noun: "trace")
    }

    /// Loads the trace `reference` names: a trace name or a path to a YAML or JSON file.
    ///
    /// - Throws: ``ProfileError`` naming the file, line, field and fix.
    public func load(_ reference: String) throws(ProfileError) -> SimulationTrace {
        if Self.isPath(reference) { return try load(path: reference) }
        switch try lookup.find(reference) {
        case let .file(url): return try load(path: url.path)
        case let .shipped(text, label): return try Self.parse(text, file: label)
        }
    }

    private func load(path: String) throws(ProfileError) -> SimulationTrace {
        let url = URL(fileURLWithPath: path, relativeTo: currentDirectory)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ProfileError(file: path, line: nil, field: "", message: "no such file, or not UTF-8 text",
                               fix: "check the path, or use a trace name such as example or a generator: steady, bursty or daily")
        }
        return try Self.parse(text, file: path)
    }

    /// Parses trace YAML or JSON (JSON is read as YAML) held in memory; `file` is what
    /// messages call it.
    public static func parse(_ text: String, file: String) throws(ProfileError) -> SimulationTrace {
        let locator = YAMLLocator(text: text)
        do {
            return try YAMLDecoder().decode(SimulationTrace.self, from: text)
        } catch {
            let cause = YAMLErrors.unwrapped(error)
            if let cause = cause as? TraceError {
                throw ProfileError(file: file, line: locator.line(of: cause.field), field: cause.field,
                                   message: cause.message, fix: cause.fix)
            }
            throw YAMLErrors.profileError(cause, file: file, locator: locator, example: "ClusterProfiles/traces/example.yaml")
        }
    }
}
