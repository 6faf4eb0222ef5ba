import Foundation

/// The directory that stands in for Cloud Storage: one subdirectory per
/// bucket, objects as files (an object name's `/` are directories).
///
/// Bucket and object names are validated before any path is built, so no
/// name can reach outside the root.
struct StorageRoot: Sendable {
    /// The root directory, absolute and without a trailing slash.
    let path: String

    init(path: String) {
        var absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        absolute = URL(fileURLWithPath: absolute).standardizedFileURL.path
        while absolute.count > 1 && absolute.hasSuffix("/") { absolute.removeLast() }
        self.path = absolute
    }

    /// Checks a bucket name: 1–63 characters of `a-z 0-9 - _ .`, starting and
    /// ending with a letter or digit, no `..`. Cloud Storage wants at least 3;
    /// shorter names (`gs://b/in`) are accepted because local examples use them.
    static func validateBucket(_ bucket: String) throws(APIError) {
        let scalars = bucket.unicodeScalars
        let allowed = scalars.allSatisfy { ("a" ... "z").contains($0) || ("0" ... "9").contains($0) || "-_.".unicodeScalars.contains($0) }
        func alphanumeric(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return ("a" ... "z").contains(scalar) || ("0" ... "9").contains(scalar)
        }
        guard (1 ... 63).contains(scalars.count), allowed, alphanumeric(scalars.first), alphanumeric(scalars.last), !bucket.contains("..") else {
            throw .invalidArgument(
                "bucket name '\(bucket)' is invalid; use 1 to 63 lowercase letters, digits, '-', '_' and '.', starting and ending with a letter or digit",
                field: "bucket")
        }
    }

    /// Checks an object name: 1–1024 bytes of UTF-8 without control characters,
    /// and no empty, `.` or `..` path segment (they cannot be files here).
    static func validateObject(_ name: String) throws(APIError) {
        guard !name.isEmpty, name.utf8.count <= 1024 else {
            throw .invalidArgument("object name must be 1 to 1024 bytes long, got \(name.utf8.count)", field: "name")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .invalidArgument("object name '\(name)' contains a control character", field: "name")
        }
        for segment in name.split(separator: "/", omittingEmptySubsequences: false) where segment.isEmpty || segment == "." || segment == ".." {
            throw .invalidArgument(
                "object name '\(name)' has an empty, '.' or '..' path segment, which this storage cannot hold; remove it",
                field: "name")
        }
    }

    /// The directory of `bucket`.
    func bucketPath(_ bucket: String) throws(APIError) -> String {
        try Self.validateBucket(bucket)
        return path + "/" + bucket
    }

    /// The file of object `name` in `bucket`.
    func objectPath(bucket: String, name: String) throws(APIError) -> String {
        try Self.validateObject(name)
        let file = try bucketPath(bucket) + "/" + name
        guard URL(fileURLWithPath: file).standardizedFileURL.path.hasPrefix(path + "/") else {
            throw .invalidArgument("object name '\(name)' leads outside the storage root", field: "name")
        }
        return file
    }

    /// The local path of a `gs://BUCKET[/OBJECT]` URI, for a job's arguments.
    func localPath(ofURI uri: String) throws(APIError) -> String {
        let rest = uri.dropFirst("gs://".count)
        let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let bucket = String(parts[0])
        var object = parts.count > 1 ? String(parts[1]) : ""
        while object.hasSuffix("/") { object.removeLast() }
        if object.isEmpty { return try bucketPath(bucket) }
        return try objectPath(bucket: bucket, name: object)
    }

    /// `text` with local paths under the root written back as `gs://` URIs, for messages.
    func uris(in text: String) -> String {
        text.replacingOccurrences(of: "file:" + path + "/", with: "gs://")
            .replacingOccurrences(of: path + "/", with: "gs://")
    }
}
