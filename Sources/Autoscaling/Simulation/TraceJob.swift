/// One job template of a ``SimulationTrace``; see there for the keys and defaults.
public struct TraceJob: Sendable, Hashable {
    /// The job's name.
    public var name: String
    /// When the job first arrives, after the simulation starts.
    public var arrival: Duration
    /// How many task containers the job runs.
    public var tasks: Int
    /// How long each task holds its container.
    public var taskDuration: Duration
    /// Memory of each task container; nil means the profile's map container size.
    public var containerMemoryMB: Int?
    /// vcores of each task container.
    public var containerVcores: Int
    /// How many times the job arrives.
    public var count: Int
    /// Time between arrivals when `count` > 1.
    public var every: Duration?

    /// A job template; `count` defaults to 1, `containerVcores` to 1.
    public init(
        name: String, arrival: Duration, tasks: Int, taskDuration: Duration,
        containerMemoryMB: Int? = nil, containerVcores: Int = 1, count: Int = 1, every: Duration? = nil
    ) {
        self.name = name
        self.arrival = arrival
        self.tasks = tasks
        self.taskDuration = taskDuration
        self.containerMemoryMB = containerMemoryMB
        self.containerVcores = containerVcores
        self.count = count
        self.every = every
    }
}
