/// What a running task attempt knows about itself.
public final class TaskContext {
    /// The job's configuration.
    public let configuration: JobConfiguration
    /// The attempt's identifier (`attempt_…_m_000003_0`).
    public let attempt: TaskAttemptID
    /// The map task's input split; nil in reduce tasks.
    public let split: InputSplit?
    /// The number of reduce partitions.
    public let partitions: Int
    /// The node the attempt runs on.
    public let nodeName: String
    /// User counters; they are added to the job's counters when the attempt succeeds.
    public var counters = Counters()
    private let cancellation: CancellationFlag

    init(configuration: JobConfiguration, attempt: TaskAttemptID, split: InputSplit?, partitions: Int, nodeName: String,
         cancellation: CancellationFlag = CancellationFlag()) {
        self.configuration = configuration
        self.attempt = attempt
        self.split = split
        self.partitions = partitions
        self.nodeName = nodeName
        self.cancellation = cancellation
    }

    /// Throws once the attempt has been killed (job cancelled, container or
    /// node lost). The engine checks between records; a mapper or reducer that
    /// works long on one record calls this now and then, as Hadoop tasks
    /// report progress.
    public func checkCancellation() throws {
        try cancellation.check()
    }

    /// Adds `amount` to the user counter `name` in `group`.
    public func increment(_ group: String, _ name: String, by amount: Int64 = 1) {
        counters[group, name] += amount
    }
}
