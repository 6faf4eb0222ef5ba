#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Expands a job's input arguments into files: plain files, directories
/// (recursively, skipping names that start with `_` or `.`, as Hadoop's
/// hidden-file filter does) and glob patterns.
public enum InputPaths {
    /// A file found in the input, with the root argument it was found under.
    public struct File: Sendable, Hashable {
        /// The file's absolute path.
        public var path: String
        /// The input argument (resolved) that led to it.
        public var root: String
        /// The file's size in bytes.
        public var size: Int64
    }

    /// The files of `inputs`, in path order within each input; throws
    /// `Input path does not exist: …` for a path or a glob that matches nothing.
    public static func expand(_ inputs: [String]) throws -> [File] {
        var files: [File] = []
        var seen = Set<String>()
        for input in inputs {
            let resolved = LocalPath.resolve(input)
            let matches: [String]
            if resolved.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" || $0 == "{" }) {
                matches = glob(resolved)
                if matches.isEmpty { throw InputError("Input Pattern file:\(resolved) matches 0 files") }
            } else {
                matches = [resolved]
            }
            for match in matches {
                for file in try listFiles(match, root: matches.count > 1 ? parent(of: match) : match) where seen.insert(file.path).inserted {
                    files.append(file)
                }
            }
        }
        return files
    }

    private static func parent(of path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }

    private static func listFiles(_ path: String, root: String) throws -> [File] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("Input path does not exist: file:\(path)")
        }
        if !isDirectory.boolValue {
            return [File(path: path, root: root, size: try POSIX.fileSize(path))]
        }
        var files: [File] = []
        let entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        for name in entries where !name.hasPrefix("_") && !name.hasPrefix(".") {
            files += try listFiles(path + "/" + name, root: root)
        }
        return files
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, Int32(GLOB_BRACE), nil, &result) == 0 else { return [] }
        var matches: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[i] {
                let path = String(cString: cString)
                let name = path.split(separator: "/").last.map(String.init) ?? path
                if !name.hasPrefix("_") && !name.hasPrefix(".") { matches.append(path) }
            }
        }
        return matches.sorted()
    }
}
