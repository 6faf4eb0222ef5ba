import Foundation
import Testing

/// The real gcloud CLI, with a throw-away configuration directory pointed at a local server.
struct Gcloud: Sendable {
    struct Result: Sendable, CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }

        /// stdout parsed as JSON (for `--format=json`).
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed]) }
    }

    /// Why the end-to-end tests cannot run.
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "gcloud is not on PATH: install the Google Cloud SDK (528 or later) to run the gcloud end-to-end tests"
        }
    }

    let executable: String
    let configDirectory: String

    /// Finds gcloud on PATH and makes an empty configuration for it.
    init() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let found = path.split(separator: ":").map({ "\($0)/gcloud" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Missing()
        }
        executable = found
        configDirectory = NSTemporaryDirectory() + "miniproc-gcloud-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
    }

    /// Points gcloud at the server on `port`, without credentials, in project `demo`.
    func configure(port: Int) async throws {
        for (key, value) in [
            ("api_endpoint_overrides/dataproc", "http://127.0.0.1:\(port)/"),
            ("api_endpoint_overrides/storage", "http://127.0.0.1:\(port)/storage/v1/"),
            ("auth/disable_credentials", "true"),
            ("core/project", "demo"),
        ] {
            let result = try await run(["config", "set", key, value])
            #expect(result.status == 0, "gcloud config set \(key): \(result)")
        }
    }

    /// Runs `gcloud ARGS` and waits for it.
    func run(_ arguments: [String]) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CLOUDSDK_CONFIG"] = configDirectory
        environment["CLOUDSDK_CORE_DISABLE_PROMPTS"] = "1"
        environment["CLOUDSDK_CORE_DISABLE_USAGE_REPORTING"] = "true"
        environment["CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK"] = "true"
        process.environment = environment
        let stdoutPath = configDirectory + "/stdout-\(UUID().uuidString)"
        let stderrPath = configDirectory + "/stderr-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        process.standardOutput = stdout
        process.standardError = stderr
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { ended in continuation.resume(returning: ended.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try? stdout.close()
        try? stderr.close()
        let out = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: stdoutPath)
        try? FileManager.default.removeItem(atPath: stderrPath)
        return Result(status: status, stdout: out, stderr: err)
    }

    /// A Dataproc command in us-central1 (`dataproc clusters list …`); the
    /// region and `--quiet` go before any `--` that starts a job's own arguments.
    func dataproc(_ arguments: String...) async throws -> Result {
        let split = arguments.firstIndex(of: "--") ?? arguments.endIndex
        return try await run(["dataproc"] + arguments[..<split] + ["--region", "us-central1", "--quiet"] + arguments[split...])
    }

    func remove() { try? FileManager.default.removeItem(atPath: configDirectory) }
}
