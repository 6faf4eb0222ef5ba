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
    /// The attempt's own directory on its node's local disk; removed when the attempt ends.
    public let localDirectory: String
    /// User counters; they are added to the job's counters when the attempt succeeds.
    public var counters = Counters()
    /// The attempt's status line (Hadoop's `Reporter.setStatus`), kept in its report.
    public var status: String?
    /// The attempt's log (a streaming task's stderr): the last `TaskLog.limit` bytes are kept in its report.
    public var log = TaskLog()
    private let cancellation: CancellationFlag

    init(configuration: JobConfiguration, attempt: TaskAttemptID, split: InputSplit?, partitions: Int, nodeName: String,
         localDirectory: String, cancellation: CancellationFlag = CancellationFlag()) {
        self.configuration = configuration
        self.attempt = attempt
        self.split = split
        self.partitions = partitions
        self.nodeName = nodeName
        self.localDirectory = localDirectory
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

/// The tail of a task attempt's log: bounded, so a chatty task cannot exhaust memory.
public struct TaskLog: Sendable, Hashable {
    /// The most bytes kept; older bytes are dropped first.
    public static let limit = 64 << 10
    /// The bytes kept, oldest first.
    public private(set) var bytes: [UInt8] = []
    /// Bytes dropped from the front to stay within `limit`.
    public private(set) var droppedBytes: Int64 = 0

    /// An empty log.
    public init() {}

    /// Appends `chunk`, dropping the oldest bytes beyond `limit`.
    public mutating func append(_ chunk: UnsafeRawBufferPointer) {
        if chunk.count >= Self.limit {
            droppedBytes += Int64(bytes.count + chunk.count - Self.limit)
            bytes = Array(chunk[(chunk.count - Self.limit)...])
            return
        }
        let overflow = bytes.count + chunk.count - Self.limit
        if overflow > 0 {
            bytes.removeFirst(overflow)
            droppedBytes += Int64(overflow)
        }
        bytes.append(contentsOf: chunk)
    }

    /// The log as text (invalid UTF-8 repaired).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The last `count` lines, for error messages.
    public func lastLines(_ count: Int) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(count).map(String.init)
    }
}
