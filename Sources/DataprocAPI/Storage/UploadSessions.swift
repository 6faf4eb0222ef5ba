import Foundation

/// Resumable uploads in progress: each session collects its bytes in a file
/// beside the storage root until the last chunk arrives.
actor UploadSessions {
    struct Session: Sendable {
        var bucket: String
        var name: String
        var file: String
        var received: Int64
    }

    private var sessions: [String: Session] = [:]
    private let directory: String

    init(directory: String) {
        self.directory = directory
    }

    /// Starts a session for object `name` in `bucket` and returns its id.
    func start(bucket: String, name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let file = directory + "/" + id
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        sessions[id] = Session(bucket: bucket, name: name, file: file, received: 0)
        return id
    }

    /// Appends a chunk that starts at `offset`; returns the session with the bytes received so far.
    ///
    /// - Throws: `APIError` NOT_FOUND for an unknown session, INVALID_ARGUMENT for a chunk that does not continue it,
    ///   INTERNAL when the chunk cannot be written (the client may send it again).
    func append(_ bytes: Data, at offset: Int64?, session id: String) throws -> Session {
        guard var session = sessions[id] else {
            throw APIError(code: .notFound, message: "No such upload session: \(id); start the upload again")
        }
        if let offset, offset != session.received {
            if offset + Int64(bytes.count) <= session.received { return session }
            throw APIError.invalidArgument("chunk starts at byte \(offset) but \(session.received) bytes were received; resume from \(session.received)")
        }
        if !bytes.isEmpty {
            do {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: session.file))
                try handle.seekToEnd()
                try handle.write(contentsOf: bytes)
                try handle.close()
            } catch {
                throw APIError(
                    code: .internal, message: "could not write bytes \(session.received)-\(session.received + Int64(bytes.count) - 1) of upload \(id): \(error); send the chunk again")
            }
        }
        session.received += Int64(bytes.count)
        sessions[id] = session
        return session
    }

    /// The session, if it is still open.
    func session(_ id: String) -> Session? { sessions[id] }

    /// Ends a session, leaving its file for the caller to move into place.
    func finish(_ id: String) { sessions[id] = nil }
}
