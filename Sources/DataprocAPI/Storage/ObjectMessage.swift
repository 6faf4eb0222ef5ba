import Cluster
import Foundation

/// A Cloud Storage `Object` resource: the fields gcloud and client libraries read.
struct ObjectMessage: Codable, Sendable {
    var kind = "storage#object"
    var id: String
    var selfLink: String?
    var name: String
    var bucket: String
    var generation: String
    var metageneration = "1"
    var contentType: String
    var size: String
    var timeCreated: String
    var updated: String
    var storageClass = "STANDARD"

    /// The resource for the file at `path`, or nil when there is no regular file there.
    init?(bucket: String, name: String, path: String) {
        // Nothing there to stat is no object: every caller answers Cloud Storage's 404.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular
        else { return nil }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = attributes[.modificationDate] as? Date ?? Date()
        let generation = Int64(modified.timeIntervalSince1970 * 1_000_000)
        self.id = "\(bucket)/\(name)/\(generation)"
        self.name = name
        self.bucket = bucket
        self.generation = String(generation)
        self.contentType = name.hasSuffix(".json") ? "application/json" : "application/octet-stream"
        self.size = String(size)
        self.timeCreated = GoogleTimestamp(modified).description
        self.updated = self.timeCreated
    }
}

/// A `storage#objects` list.
struct ObjectListMessage: Encodable {
    var kind = "storage#objects"
    var items: [ObjectMessage]?
    var prefixes: [String]?
    var nextPageToken: String?
}

/// A `storage#bucket`.
struct BucketMessage: Encodable {
    var kind = "storage#bucket"
    var id: String
    var name: String
    var location = "US"
    var storageClass = "STANDARD"
}
