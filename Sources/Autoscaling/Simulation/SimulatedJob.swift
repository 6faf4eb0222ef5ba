/// One job arrival of a simulation, with every default applied.
public struct SimulatedJob: Sendable, Hashable {
    /// The job's name; repeated templates get `-1`, `-2`, … suffixes.
    public var name: String
    /// When it arrives, after the simulation starts.
    public var arrival: Duration
    /// How many task containers it runs.
    public var tasks: Int
    /// How long each task holds its container.
    public var taskDuration: Duration
    /// Memory of each task container.
    public var containerMemoryMB: Int
    /// vcores of each task container.
    public var containerVcores: Int

    /// A job from its parts.
    public init(name: String, arrival: Duration, tasks: Int, taskDuration: Duration, containerMemoryMB: Int, containerVcores: Int = 1) {
        self.name = name
        self.arrival = arrival
        self.tasks = tasks
        self.taskDuration = taskDuration
        self.containerMemoryMB = containerMemoryMB
        self.containerVcores = containerVcores
    }
}
