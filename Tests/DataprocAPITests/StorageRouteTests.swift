import Foundation
import Hummingbird
import Testing

@Suite struct StorageRouteTests {
    @Test func objectMetadataReportsTheSizeAsAStringAndAMissingObjectIsGoogles404() async throws {
        try await withAPI { client, scratch in
            try scratch.put(bucket: "bkt", name: "dir/file.txt", "0123456789")
            let object = try await client.call(.get, "/storage/v1/b/bkt/o/dir%2Ffile.txt?alt=json")
            #expect(object.string("kind") == "storage#object")
            #expect(object.string("name") == "dir/file.txt")
            #expect(object.string("bucket") == "bkt")
            #expect(object.string("size") == "10")
            let missing = try await client.call(.get, "/storage/v1/b/bkt/o/dir%2Fnope?alt=json")
            #expect(missing.status == .notFound)
            #expect(missing["error.code"] as? Int == 404)
            #expect(missing.string("error.message") == "No such object: bkt/dir/nope")
            #expect(missing.string("error.status") == "NOT_FOUND")
            #expect((missing.json as? [String: Any])?.keys.sorted() == ["error"])
            #expect(try await client.call(.get, "/storage/v1/b/bkt/o/dir?alt=json").status == .notFound)
        }
    }

    @Test(arguments: [
        ("bytes=2-5", "2345", "bytes 2-5/10"),
        ("bytes=7-", "789", "bytes 7-9/10"),
        ("bytes=-3", "789", "bytes 7-9/10"),
        ("bytes=8-100", "89", "bytes 8-9/10"),
    ])
    func aRangedDownloadIsA206OfExactlyThoseBytes(range: String, body: String, contentRange: String) async throws {
        try await withAPI { client, scratch in
            try scratch.put(bucket: "bkt", name: "f", "0123456789")
            let media = try await client.call(.get, "/storage/v1/b/bkt/o/f?alt=media", headers: [.range: range])
            #expect(media.status == .partialContent)
            #expect(media.text == body)
            #expect(media.headers[.contentRange] == contentRange)
        }
    }

    @Test func aWholeDownloadIsA200AndARangePastTheEndIs416() async throws {
        try await withAPI { client, scratch in
            try scratch.put(bucket: "bkt", name: "f", "0123456789")
            let whole = try await client.call(.get, "/storage/v1/b/bkt/o/f?alt=media")
            #expect(whole.status == .ok)
            #expect(whole.text == "0123456789")
            let past = try await client.call(.get, "/storage/v1/b/bkt/o/f?alt=media", headers: [.range: "bytes=10-20"])
            #expect(past.status == .rangeNotSatisfiable)
        }
    }

    @Test func aMultipartUploadStoresTheMediaPartUnderTheGivenName() async throws {
        try await withAPI { client, scratch in
            let body = "--BOUNDARY\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{\"size\": \"12\"}\r\n--BOUNDARY\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nhello\r\nworld\r\n--BOUNDARY--\r\n"
            let uploaded = try await client.call(
                .post, "/upload/storage/v1/b/bkt/o?alt=json&name=staging%2Fjob.jar&uploadType=multipart", body,
                headers: [.contentType: "multipart/related; boundary=BOUNDARY"])
            #expect(uploaded.status == .ok, "\(uploaded.text)")
            #expect(uploaded.string("size") == "12")
            #expect(uploaded.string("name") == "staging/job.jar")
            #expect(FileManager.default.contents(atPath: scratch.storage + "/bkt/staging/job.jar") == Data("hello\r\nworld".utf8))
        }
    }

    @Test func aResumableUploadTakesChunksUntilTheLastByte() async throws {
        try await withAPI { client, scratch in
            let started = try await client.call(.post, "/upload/storage/v1/b/bkt/o?uploadType=resumable&name=big.bin", #"{"name":"big.bin"}"#)
            #expect(started.status == .ok)
            let location = try #require(started.headers[.location])
            let path = String(location.drop(while: { $0 != "/" }).dropFirst(2).drop(while: { $0 != "/" }))
            let first = try await client.call(.put, path, "abcde", headers: [.contentRange: "bytes 0-4/8"])
            #expect(first.status.code == 308)
            #expect(first.headers[.range] == "bytes=0-4")
            let last = try await client.call(.put, path, "fgh", headers: [.contentRange: "bytes 5-7/8"])
            #expect(last.status == .ok, "\(last.text)")
            #expect(last.string("size") == "8")
            #expect(FileManager.default.contents(atPath: scratch.storage + "/bkt/big.bin") == Data("abcdefgh".utf8))
        }
    }

    @Test(arguments: ["..%2F..%2Fetc%2Fpasswd", "a%2F..%2F..%2Fx", "%2Fabs", "a%2F%2Fb"])
    func anObjectNameCannotLeaveTheStorageRoot(name: String) async throws {
        try await withAPI { client, _ in
            let refused = try await client.call(.post, "/upload/storage/v1/b/bkt/o?uploadType=media&name=\(name)", "x")
            #expect(refused.status == .badRequest)
            #expect(try await client.call(.get, "/storage/v1/b/bkt/o/\(name)?alt=json").status == .badRequest)
            #expect(try await client.call(.get, "/storage/v1/b/..%2F..%2Ftmp/o/x?alt=json").status == .badRequest)
        }
    }
}
