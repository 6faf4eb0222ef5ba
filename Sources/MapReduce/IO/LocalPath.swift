import Foundation

/// Turns the paths users write (`in/`, `file:///data/in`) into absolute file paths.
public enum LocalPath {
    /// The absolute path for a plain path or a `file:` URI.
    public static func resolve(_ path: String) -> String {
        var text = path
        if text.hasPrefix("file://") {
            text = String(text.dropFirst("file://".count))
        } else if text.hasPrefix("file:") {
            text = String(text.dropFirst("file:".count))
        }
        let url = text.hasPrefix("/")
            ? URL(fileURLWithPath: text)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(text)
        var resolved = url.standardizedFileURL.path
        while resolved.count > 1 && resolved.hasSuffix("/") { resolved.removeLast() }
        return resolved
    }
}
