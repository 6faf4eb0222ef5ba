import Cluster
import DataprocAPI
import Foundation
import Hummingbird
import HummingbirdTesting
import ResourceManager
import Testing

/// A scratch data directory (state database, storage root) removed at the end.
struct ScratchDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "miniproc-api-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var storage: String { path + "/storage" }

    /// Writes `text` as object `name` of `bucket` under the storage root.
    func put(bucket: String, name: String, _ text: String) throws {
        let file = storage + "/" + bucket + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A JSON response, read loosely.
struct JSONResponse: @unchecked Sendable {
    // Unchecked: the parsed value is immutable after init and only read.
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer
    let json: Any?

    init(_ response: TestResponse) {
        status = response.status
        headers = response.headers
        body = response.body
        json = try? JSONSerialization.jsonObject(with: Data(buffer: response.body), options: [.fragmentsAllowed])
    }

    subscript(path: String) -> Any? { JSONResponse.value(json, at: path) }
    func string(_ path: String) -> String? { self[path] as? String }
    func array(_ path: String) -> [Any] { self[path] as? [Any] ?? [] }
    var text: String { String(buffer: body) }

    /// Follows `a.b[0].c`; keys may contain dots when quoted in brackets: `labels["goog-dataproc-location"]`.
    static func value(_ root: Any?, at path: String) -> Any? {
        var current = root
        var token = ""
        var index = path.startIndex
        func step(_ key: String) {
            if let number = Int(key), let array = current as? [Any] {
                current = number < array.count ? array[number] : nil
            } else {
                current = (current as? [String: Any])?[key]
            }
        }
        while index < path.endIndex {
            let character = path[index]
            if character == "." {
                if !token.isEmpty { step(token) }
                token = ""
            } else if character == "[" {
                if !token.isEmpty { step(token) }
                token = ""
                guard let close = path[index...].firstIndex(of: "]") else { return nil }
                step(String(path[path.index(after: index)..<close]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
                index = close
            } else {
                token.append(character)
            }
            index = path.index(after: index)
        }
        if !token.isEmpty { step(token) }
        return current
    }
}

typealias Client = any TestClientProtocol

extension TestClientProtocol {
    /// Sends `body` (a JSON string) and reads the JSON answer.
    @discardableResult
    func call(_ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, headers: HTTPFields = [:]) async throws -> JSONResponse {
        var headers = headers
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        let response = try await executeRequest(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return JSONResponse(response)
    }

    /// Polls operation `name` until it is done.
    func waitForOperation(_ name: String, timeout: Duration = .seconds(60)) async throws -> JSONResponse {
        let deadline = ContinuousClock.now + timeout
        while true {
            let operation = try await call(.get, "/v1/\(name)")
            if operation["done"] as? Bool == true { return operation }
            guard ContinuousClock.now < deadline else {
                Issue.record("operation \(name) did not finish within \(timeout): \(operation.text)")
                return operation
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Polls job `id` until it is DONE, ERROR or CANCELLED.
    func waitForJob(_ id: String, project: String = "demo", region: String = "us-central1", timeout: Duration = .seconds(120)) async throws -> JSONResponse {
        let deadline = ContinuousClock.now + timeout
        while true {
            let job = try await call(.get, "/v1/projects/\(project)/regions/\(region)/jobs/\(id)")
            if let state = job.string("status.state"), ["DONE", "ERROR", "CANCELLED"].contains(state) { return job }
            guard ContinuousClock.now < deadline else {
                Issue.record("job \(id) did not end within \(timeout): \(job.text)")
                return job
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Creates cluster `name` and waits until it is RUNNING.
    @discardableResult
    func createCluster(_ name: String, body extra: String = "", region: String = "us-central1") async throws -> JSONResponse {
        // `extra` may add a "config" of its own: its groups join the default ones.
        var extra = extra
        var configExtra = ""
        if let range = extra.range(of: #","config":{"#) {
            let inner = extra[range.upperBound...].dropLast(1)
            configExtra = "," + inner
            extra.removeSubrange(range.lowerBound...)
        }
        let body = """
        {"clusterName":"\(name)","projectId":"demo","config":{"masterConfig":{"machineTypeUri":"n1-standard-2"},\
        "workerConfig":{"machineTypeUri":"n1-standard-2","numInstances":2}\(configExtra)}\(extra)}
        """
        let created = try await call(.post, "/v1/projects/demo/regions/\(region)/clusters?requestId=\(UUID().uuidString)", body)
        guard created.status == .ok, let operation = created.string("name") else {
            Issue.record("creating \(name) failed: \(created.text)")
            return created
        }
        return try await waitForOperation(operation)
    }
}

/// Runs `body` against an application on a fresh (or the given) data directory, in router test mode.
func withAPI<T>(
    scratch: ScratchDirectory? = nil, clock: any ClusterClock = SystemClusterClock(),
    _ body: @Sendable (Client, ScratchDirectory) async throws -> T
) async throws -> T {
    let directory = try scratch ?? ScratchDirectory()
    defer { if scratch == nil { directory.remove() } }
    let app = try await buildApplication(configuration: ServerConfiguration(dataDirectory: directory.path, port: 0, clock: clock))
    return try await app.test(.router) { client in try await body(client, directory) }
}

let base = "/v1/projects/demo/regions/us-central1"

/// Advances `clock` a minute at a time until `condition` holds, letting the
/// runtime act on each step; fails the test after `limit` minutes.
func advanceMinutes(
    _ clock: ManualClusterClock, until condition: @Sendable () async throws -> Bool, limit: Int = 200
) async throws {
    for _ in 0..<limit {
        if try await condition() { return }
        clock.advance(by: .seconds(60))
        for _ in 0..<50 { await Task.yield() }
    }
    Issue.record("the condition did not hold within \(limit) minutes of cluster time")
}

/// The clock's wall-clock time, plus `seconds`, as the API writes timestamps.
func time(_ clock: ManualClusterClock, plus seconds: Int64 = 0) -> String {
    GoogleTimestamp(clock.date(of: clock.now)).adding(GoogleDuration(seconds: seconds)).description
}
