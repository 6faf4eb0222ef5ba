import Foundation

/// Paths into the repository and scratch directories for the loader tests.
enum ProfileFixtures {
    /// The package root, found from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped `ClusterProfiles/` directory.
    static let profilesDirectory = packageRoot.appendingPathComponent("ClusterProfiles", isDirectory: true)

    /// Every shipped profile name.
    static let shippedProfileNames = ["autoscaling", "ephemeral", "highmem", "large", "single-node", "small", "standard"]

    /// Every shipped autoscaling policy name.
    static let shippedPolicyNames = ["aggressive", "conservative", "default"]

    /// Every shipped trace name.
    static let shippedTraceNames = ["example"]

    /// A fresh empty directory, removed by the caller.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("miniproc-profiles-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `relativePath` under `directory`, creating folders.
    static func write(_ text: String, to relativePath: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
