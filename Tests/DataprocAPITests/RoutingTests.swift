import Foundation
import Hummingbird
import Testing

@Suite struct RoutingTests {
    @Test(arguments: [
        (HTTPRequest.Method.get, "\(base)/jobs:submit", "POST"),
        (.put, "\(base)/clusters/c1", "GET, PATCH, DELETE"),
        (.delete, "\(base)/clusters", "GET, POST"),
        (.get, "\(base)/clusters/c1:stop", "POST"),
        (.post, "\(base)/operations/op1", "GET, DELETE"),
        (.patch, "\(base)/autoscalingPolicies/pol1", "GET, PUT, DELETE"),
        (.get, "/v1/projects/demo/locations/us-central1/workflowTemplates:instantiateInline", "POST"),
        (.post, "/storage/v1/b/bkt/o/dir%2Ffile.txt", "GET, DELETE"),
        (.get, "/upload/storage/v1/b/bkt/o", "POST, PUT"),
    ])
    func aKnownPathWithAnotherMethodIs405NamingTheAllowedOnes(method: HTTPRequest.Method, path: String, allow: String) async throws {
        try await withAPI { client, _ in
            let refused = try await client.call(method, path)
            #expect(refused.status == .methodNotAllowed)
            #expect(refused.headers[.allow] == allow)
            #expect(refused.headers[.contentType] == "application/json; charset=UTF-8")
            #expect(refused["error.code"] as? Int == 405)
            #expect(refused.string("error.status") == "UNIMPLEMENTED")
            let message = try #require(refused.string("error.message"))
            #expect(message.hasPrefix("Method \(method) is not allowed on \(path.split(separator: "?")[0]); use "))
        }
    }

    @Test func theAllowedMethodsAreListedInTheMessage() async throws {
        try await withAPI { client, _ in
            let refused = try await client.call(.post, "\(base)/jobs/j1")
            #expect(refused.string("error.message") == "Method POST is not allowed on \(base)/jobs/j1; use GET, PATCH or DELETE.")
        }
    }

    @Test(arguments: [
        "\(base)/widgets", "\(base)/clusters/c1/nodes", "\(base)/clusters:list", "/v1/projects/demo/zones/z/clusters", "/v2/anything",
    ])
    func anUnknownPathIsGoogles404(path: String) async throws {
        try await withAPI { client, _ in
            for method in [HTTPRequest.Method.get, .post] {
                let missing = try await client.call(method, path)
                #expect(missing.status == .notFound)
                #expect(missing["error.code"] as? Int == 404)
                #expect(missing.string("error.status") == "NOT_FOUND")
                #expect(missing.string("error.message") == "The requested URL \(path) was not found on this server (\(method)).")
                #expect((missing.json as? [String: Any])?.keys.sorted() == ["error"])
            }
        }
    }

    @Test func anUnknownStoragePathIsCloudStorages404() async throws {
        try await withAPI { client, _ in
            let missing = try await client.call(.get, "/storage/v1/projects/p/buckets")
            #expect(missing.status == .notFound)
            #expect(missing.string("error.message") == "Not Found: GET /storage/v1/projects/p/buckets")
        }
    }

    @Test func aCustomMethodAResourceDoesNotHaveIsNotFoundWhateverTheMethod() async throws {
        try await withAPI { client, _ in
            for method in [HTTPRequest.Method.get, .post, .put] {
                let missing = try await client.call(method, "\(base)/clusters/c1:diagnose")
                #expect(missing.status == .notFound)
                #expect(missing.string("error.message") == "The requested URL \(base)/clusters/c1:diagnose was not found on this server (\(method)).")
            }
        }
    }

    @Test func colonVerbsAndPercentEncodedNamesReachTheirResourceUnderRegionsAndLocations() async throws {
        try await withAPI { client, _ in
            try await client.createCluster("c1")
            let locations = "/v1/projects/demo/locations/us-central1"
            let viaLocations = try await client.call(.get, "\(locations)/clusters/c1:scalingHistory")
            #expect(viaLocations.status == .ok, "\(viaLocations.text)")
            // Names are percent-decoded: c%31 is c1, us%2Dcentral1 is us-central1.
            let encoded = try await client.call(.get, "/v1/projects/demo/regions/us%2Dcentral1/clusters/c%31")
            #expect(encoded.string("clusterName") == "c1")
            let stop = try await client.call(.post, "\(base)/clusters/c%31:stop", #"{"requestId":"s1"}"#)
            #expect(stop.string("metadata.operationType") == "STOP", "\(stop.text)")
            let operation = try #require(stop.string("name"))
            _ = try await client.waitForOperation(operation)
            let id = try #require(operation.split(separator: "/").last)
            let cancel = try await client.call(.post, "\(locations)/operations/\(id):cancel")
            #expect(cancel.string("error.status") == "FAILED_PRECONDITION", "\(cancel.text)")
            let slashed = try await client.call(.get, "\(base)/clusters/a%2Fb")
            #expect(slashed.string("error.message") == "Not found: Cluster projects/demo/regions/us-central1/clusters/a/b")
        }
    }

    @Test func anObjectNameMayHoldPlainOrEncodedSlashes() async throws {
        try await withAPI { client, scratch in
            try scratch.put(bucket: "bkt", name: "dir/sub/file.txt", "x")
            for path in ["dir/sub/file.txt", "dir%2Fsub%2Ffile.txt", "dir/sub%2Ffile.txt"] {
                let object = try await client.call(.get, "/storage/v1/b/bkt/o/\(path)?alt=json")
                #expect(object.string("name") == "dir/sub/file.txt", "\(path): \(object.text)")
            }
        }
    }
}
