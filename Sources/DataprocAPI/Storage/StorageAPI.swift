import Foundation
import Hummingbird

/// The Cloud Storage JSON API subset that gcloud needs, over a `StorageRoot`:
/// object metadata and media (with byte ranges), listing, deletion, bucket
/// metadata and creation, and multipart, media and resumable uploads.
struct StorageAPI: Sendable {
    let root: StorageRoot
    let uploads: UploadSessions

    init(root: StorageRoot, uploadDirectory: String) {
        self.root = root
        self.uploads = UploadSessions(directory: uploadDirectory)
    }

    // MARK: - Objects

    func metadata(bucket: String, name: String) throws(APIError) -> ObjectMessage {
        let file = try root.objectPath(bucket: bucket, name: name)
        guard let object = ObjectMessage(bucket: bucket, name: name, path: file) else { throw noSuchObject(bucket, name) }
        return object
    }

    /// Deletes object `name` of `bucket`: 204, or 404 when there is no such object.
    func delete(bucket: String, name: String) throws(APIError) -> Response {
        let file = try root.objectPath(bucket: bucket, name: name)
        guard ObjectMessage(bucket: bucket, name: name, path: file) != nil else { throw noSuchObject(bucket, name) }
        do {
            try FileManager.default.removeItem(atPath: file)
        } catch {
            throw APIError(code: .internal, message: "could not delete object \(name) of bucket \(bucket): \(error)")
        }
        return Response(status: .noContent)
    }

    /// The object's bytes; with `Range: bytes=A-B` (or `A-`, `-N`) a 206 of just those bytes.
    func media(bucket: String, name: String, range: String?) throws(APIError) -> Response {
        let object = try metadata(bucket: bucket, name: name)
        let file = try root.objectPath(bucket: bucket, name: name)
        let size = Int64(object.size) ?? 0
        var first: Int64 = 0
        var last: Int64 = size - 1
        var partial = false
        if let range, range.hasPrefix("bytes=") {
            let spec = range.dropFirst("bytes=".count)
            let bounds = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard bounds.count == 2 else { throw unsatisfiable(range, size: size) }
            if bounds[0].isEmpty {
                guard let suffix = Int64(bounds[1]), suffix > 0 else { throw unsatisfiable(range, size: size) }
                first = max(0, size - suffix)
            } else {
                guard let start = Int64(bounds[0]) else { throw unsatisfiable(range, size: size) }
                first = start
                if !bounds[1].isEmpty {
                    guard let end = Int64(bounds[1]), end >= start else { throw unsatisfiable(range, size: size) }
                    last = min(end, size - 1)
                }
            }
            guard first < size else { throw unsatisfiable(range, size: size) }
            partial = true
        }
        var data = Data()
        if size > 0 {
            do {
                let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
                try handle.seek(toOffset: UInt64(first))
                data = try handle.read(upToCount: Int(last - first + 1)) ?? Data()
                try handle.close()
            } catch {
                throw APIError(code: .internal, message: "could not read object \(name) of bucket \(bucket): \(error)")
            }
        }
        var headers: HTTPFields = [.contentType: object.contentType, .contentLength: String(data.count)]
        if partial {
            headers[.contentRange] = "bytes \(first)-\(first + Int64(data.count) - 1)/\(size)"
        }
        return Response(status: partial ? .partialContent : .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Objects whose names start with `prefix`, in name order; with
    /// `delimiter=/` names below the next `/` are rolled up into `prefixes`.
    func list(bucket: String, query: QueryParameters) throws(APIError) -> Response {
        let directory = try root.bucketPath(bucket)
        let prefix = query["prefix"] ?? ""
        let delimiter = query["delimiter"]
        var names: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: directory) {
            while let relative = enumerator.nextObject() as? String {
                let last = (relative as NSString).lastPathComponent
                guard !last.hasPrefix(".writing-"), relative.hasPrefix(prefix) else { continue }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                    names.append(relative)
                }
            }
        }
        names.sort()
        var items: [ObjectMessage] = []
        var prefixes: Set<String> = []
        for name in names {
            if let delimiter, !delimiter.isEmpty, let range = name.dropFirst(prefix.count).range(of: delimiter) {
                prefixes.insert(String(name[..<range.upperBound]))
                continue
            }
            if let object = ObjectMessage(bucket: bucket, name: name, path: directory + "/" + name) { items.append(object) }
        }
        return WireJSON.response(ObjectListMessage(items: items.isEmpty ? nil : items, prefixes: prefixes.isEmpty ? nil : prefixes.sorted()))
    }

    // MARK: - Buckets

    func bucketMetadata(_ bucket: String) throws(APIError) -> Response {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: try root.bucketPath(bucket), isDirectory: &isDirectory), isDirectory.boolValue else {
            throw APIError(code: .notFound, message: "The specified bucket does not exist.")
        }
        return WireJSON.response(BucketMessage(id: bucket, name: bucket))
    }

    func createBucket(body: ByteBuffer) throws(APIError) -> Response {
        struct Insert: Decodable { var name: String? }
        let insert = try WireJSON.decode(Insert.self, from: body)
        guard let name = insert.name else { throw .invalidArgument("a bucket needs a name", field: "name") }
        let directory = try root.bucketPath(name)
        if FileManager.default.fileExists(atPath: directory) {
            throw APIError(code: .alreadyExists, message: "Your previous request to create the named bucket succeeded and you already own it.")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw APIError(code: .internal, message: "could not create bucket \(name): \(error)")
        }
        return WireJSON.response(BucketMessage(id: name, name: name))
    }

    // MARK: - Uploads

    func startUpload(_ request: Request, bucket: String, query: QueryParameters, body: ByteBuffer) async throws(APIError) -> Response {
        let bytes = Data(buffer: body)
        switch query["uploadType"] ?? "media" {
        case "media":
            guard let name = query["name"] else { throw .invalidArgument("a media upload needs ?name=OBJECT", field: "name") }
            return WireJSON.response(try store(bytes, bucket: bucket, name: name))
        case "multipart":
            let contentType = request.headers[.contentType] ?? ""
            guard let boundary = Self.boundary(of: contentType) else {
                throw .invalidArgument("a multipart upload needs Content-Type: multipart/related; boundary=…, got \(contentType)")
            }
            let parts = Self.multipartParts(bytes, boundary: boundary)
            guard parts.count >= 2 else { throw .invalidArgument("a multipart upload needs a metadata part and a media part, got \(parts.count) parts") }
            struct Metadata: Decodable { var name: String? }
            let metadata = try WireJSON.decode(Metadata.self, from: ByteBuffer(bytes: parts[0]))
            guard let name = query["name"] ?? metadata.name else { throw .invalidArgument("the upload names no object", field: "name") }
            return WireJSON.response(try store(parts[1], bucket: bucket, name: name))
        case "resumable":
            struct Metadata: Decodable { var name: String? }
            let metadata = try WireJSON.decode(Metadata.self, from: body)
            guard let name = query["name"] ?? metadata.name else { throw .invalidArgument("the upload names no object", field: "name") }
            _ = try root.objectPath(bucket: bucket, name: name)
            let id: String
            do {
                id = try await uploads.start(bucket: bucket, name: name)
            } catch {
                throw APIError(code: .internal, message: "could not start the upload: \(error)")
            }
            let host = request.head.authority ?? "127.0.0.1"
            let encodedBucket = bucket.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? bucket
            var headers: HTTPFields = [.contentType: WireJSON.contentType]
            headers[.location] = "http://\(host)/upload/storage/v1/b/\(encodedBucket)/o?uploadType=resumable&upload_id=\(id)"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: "{}")))
        case let other:
            throw .invalidArgument("uploadType \(other) is not supported; use media, multipart or resumable", field: "uploadType")
        }
    }

    /// A chunk of a resumable upload: `Content-Range: bytes A-B/TOTAL` (or
    /// `bytes */TOTAL` to ask for the status); 308 until the last byte arrives.
    func continueUpload(_ request: Request, query: QueryParameters, body: ByteBuffer) async throws(APIError) -> Response {
        guard let id = query["upload_id"] else { throw .invalidArgument("a resumable upload chunk needs ?upload_id=", field: "upload_id") }
        var offset: Int64?
        var total: Int64?
        if let range = request.headers[.contentRange], range.hasPrefix("bytes ") {
            let spec = range.dropFirst("bytes ".count).split(separator: "/", maxSplits: 1)
            if spec.count == 2 {
                total = Int64(spec[1])
                if spec[0] != "*" { offset = Int64(spec[0].split(separator: "-").first ?? "") }
            }
        }
        let session: UploadSessions.Session
        do {
            session = try await uploads.append(Data(buffer: body), at: offset, session: id)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(code: .internal, message: "could not write the upload: \(error)")
        }
        let complete = total.map { session.received >= $0 } ?? (request.headers[.contentRange] == nil)
        guard complete else {
            var headers: HTTPFields = [:]
            if session.received > 0 { headers[.range] = "bytes=0-\(session.received - 1)" }
            return Response(status: .init(code: 308, reasonPhrase: "Resume Incomplete"), headers: headers)
        }
        await uploads.finish(id)
        let destination = try root.objectPath(bucket: session.bucket, name: session.name)
        try place(session.file, at: destination)
        guard let object = ObjectMessage(bucket: session.bucket, name: session.name, path: destination) else {
            throw APIError(code: .internal, message: "the uploaded object \(session.name) could not be read back")
        }
        return WireJSON.response(object)
    }

    /// Writes `bytes` as object `name` of `bucket`, atomically.
    func store(_ bytes: Data, bucket: String, name: String) throws(APIError) -> ObjectMessage {
        let destination = try root.objectPath(bucket: bucket, name: name)
        let directory = (destination as NSString).deletingLastPathComponent
        let aside = directory + "/.writing-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: aside))
        } catch {
            throw APIError(code: .invalidArgument, message: "could not store object \(name) in bucket \(bucket): \(error)")
        }
        try place(aside, at: destination)
        guard let object = ObjectMessage(bucket: bucket, name: name, path: destination) else {
            throw APIError(code: .internal, message: "the stored object \(name) could not be read back")
        }
        return object
    }

    private func place(_ file: String, at destination: String) throws(APIError) {
        do {
            try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw APIError(code: .invalidArgument, message: "could not create the folders of \(destination): \(error)")
        }
        guard rename(file, destination) == 0 else {
            var message = "could not store the object: a folder of that name exists"
            do {
                try FileManager.default.removeItem(atPath: file)
            } catch {
                message += "; its bytes are left in \(file) (\(error))"
            }
            throw APIError(code: .invalidArgument, message: message)
        }
    }

    // MARK: - Helpers

    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";") {
            let trimmed = parameter.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("boundary=") {
                return String(trimmed.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }

    /// The bodies of a `multipart/related` message, in order. Lines may end in
    /// CRLF (RFC 2046) or a bare LF, which Python's `email` generator — gcloud's
    /// upload path — writes.
    static func multipartParts(_ data: Data, boundary: String) -> [Data] {
        let delimiter = Data("--\(boundary)".utf8)
        let lf = Data("\n".utf8)
        var parts: [Data] = []
        guard var cursor = data.range(of: delimiter)?.upperBound else { return [] }
        while cursor < data.endIndex {
            // "--" after a delimiter closes the message.
            if data[cursor...].starts(with: Data("--".utf8)) { break }
            guard let next = data.range(of: lf + delimiter, in: cursor ..< data.endIndex) else { break }
            let headersAndBody = data[cursor ..< next.lowerBound]
            let crlfEnd = headersAndBody.range(of: Data("\r\n\r\n".utf8))
            let lfEnd = headersAndBody.range(of: Data("\n\n".utf8))
            guard let headerEnd = [crlfEnd, lfEnd].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else { break }
            var body = Data(data[headerEnd.upperBound ..< next.lowerBound])
            if body.last == 13 { body.removeLast() }
            parts.append(body)
            cursor = next.upperBound
        }
        return parts
    }

    private func noSuchObject(_ bucket: String, _ name: String) -> APIError {
        APIError(code: .notFound, message: "No such object: \(bucket)/\(name)")
    }

    private func unsatisfiable(_ range: String, size: Int64) -> APIError {
        APIError(code: .outOfRange, message: "Requested range not satisfiable: \(range) of an object of \(size) bytes",
                 statusOverride: .rangeNotSatisfiable)
    }
}
