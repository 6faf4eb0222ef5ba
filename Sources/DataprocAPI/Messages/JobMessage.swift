import Cluster
import ResourceManager

/// The `Job` message, as submitted and as served.
struct JobMessage: Codable, Sendable, Hashable {
    var reference: JobReference?
    var placement: JobPlacement?
    var hadoopJob: HadoopJobMessage?
    var labels: [String: String]?
    var scheduling: JSONValue?
    var status: JobStatusMessage?
    var statusHistory: [JobStatusMessage]?
    var yarnApplications: [YarnApplicationMessage]?
    var driverOutputResourceUri: String?
    var driverControlFilesUri: String?
    var jobUuid: String?
    var done: Bool?
}

/// `JobReference`.
struct JobReference: Codable, Sendable, Hashable {
    var projectId: String?
    var jobId: String?
}

/// `JobPlacement`.
struct JobPlacement: Codable, Sendable, Hashable {
    var clusterName: String?
    var clusterUuid: String?
    var clusterLabels: [String: String]?
}

/// `HadoopJob`.
struct HadoopJobMessage: Codable, Sendable, Hashable {
    var mainJarFileUri: String?
    var mainClass: String?
    var args: [String]?
    var jarFileUris: [String]?
    var fileUris: [String]?
    var archiveUris: [String]?
    var properties: [String: String]?
    var loggingConfig: JSONValue?
}

/// `JobStatus`.
struct JobStatusMessage: Codable, Sendable, Hashable {
    var state: JobState
    var details: String?
    var stateStartTime: String?
    var substate: JobSubstate?
}

/// `YarnApplication`.
struct YarnApplicationMessage: Codable, Sendable, Hashable {
    var name: String
    var state: ApplicationState
    var progress: Double?
    var trackingUrl: String?
}

/// `SubmitJobRequest`.
struct SubmitJobRequest: Decodable, Sendable {
    var job: JSONValue?
    var requestId: String?
}
