import Autoscaling
import Foundation
import Yams

/// Loads a simulation workload trace from a YAML or JSON file (see ``SimulationTrace``
/// for the format); mistakes are ``ProfileError``s naming the file, line, field and fix.
public struct TraceLoader: Sendable {
    /// Where relative paths start.
    public var currentDirectory: URL

    /// A loader resolving relative paths against `currentDirectory` (default: the
    /// process's current directory).
    public init(currentDirectory: URL? = nil) {
        self.currentDirectory = currentDirectory
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }

    /// Loads the trace at `path`, relative to ``currentDirectory``.
    public func load(_ path: String) throws(ProfileError) -> SimulationTrace {
        let url = URL(fileURLWithPath: path, relativeTo: currentDirectory)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ProfileError(file: path, line: nil, field: "", message: "no such file, or not UTF-8 text",
                               fix: "check the path, or use a generator: steady, bursty or daily")
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
