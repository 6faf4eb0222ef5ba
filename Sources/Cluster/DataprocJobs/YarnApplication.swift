import ResourceManager

/// One YARN application a job ran (`Job.yarnApplications[]`): one per MapReduce job.
public struct YarnApplication: Sendable, Hashable {
    /// `application_<clusterStartMillis>_0001`.
    public var id: String
    /// The MapReduce job's name (`word count`).
    public var name: String
    /// Its state, with YARN's names.
    public var state: ApplicationState
    /// From 0 to 1.
    public var progress: Double
    /// `http://NAME-m:8088/proxy/application_…/`.
    public var trackingUrl: String
}
