/// What a simulation run produced: the cluster over time, how long jobs waited and
/// ran, what the workers cost, and every autoscaler evaluation.
public struct SimulationReport: Sendable {
    /// The policy's id, nil when the cluster kept its size.
    public var policyID: String?
    /// One worker's YARN memory (`yarn.nodemanager.resource.memory-mb`).
    public var nodeManagerMemoryMB: Int
    /// One row per sampling tick.
    public var samples: [SimulationSample]
    /// Virtual seconds simulated.
    public var simulatedSeconds: Double
    /// Jobs in the trace.
    public var jobsSubmitted: Int
    /// Jobs that finished before the simulation stopped.
    public var jobsCompleted: Int
    /// Task containers that ran to their end.
    public var tasksCompleted: Int
    /// Tasks killed by a forced decommission or a preemption and run again.
    public var tasksRerun: Int
    /// Application masters killed and started again.
    public var applicationMastersRestarted: Int
    /// Secondary workers preempted.
    public var preemptions: Int
    /// From a job's arrival to its application master starting.
    public var waitingTime: DurationStatistics
    /// From a job's arrival to its end.
    public var completionTime: DurationStatistics
    /// Primary worker-hours, counted from a worker's request until its removal, as billed.
    public var primaryWorkerHours: Double
    /// Secondary worker-hours, counted likewise.
    public var secondaryWorkerHours: Double
    /// Resize operations the autoscaler ran to their end.
    public var scalingOperations: Int
    /// Evaluations skipped because the cluster was not `RUNNING`.
    public var skippedEvaluations: Int
    /// Every evaluation, oldest first.
    public var history: [ScalingHistoryEntry]
    /// Events processed.
    public var events: Int

    /// A report from its parts.
    public init(
        policyID: String?, nodeManagerMemoryMB: Int, samples: [SimulationSample], simulatedSeconds: Double,
        jobsSubmitted: Int, jobsCompleted: Int, tasksCompleted: Int, tasksRerun: Int, applicationMastersRestarted: Int,
        preemptions: Int, waitingTime: DurationStatistics, completionTime: DurationStatistics,
        primaryWorkerHours: Double, secondaryWorkerHours: Double, scalingOperations: Int, skippedEvaluations: Int,
        history: [ScalingHistoryEntry], events: Int
    ) {
        self.policyID = policyID
        self.nodeManagerMemoryMB = nodeManagerMemoryMB
        self.samples = samples
        self.simulatedSeconds = simulatedSeconds
        self.jobsSubmitted = jobsSubmitted
        self.jobsCompleted = jobsCompleted
        self.tasksCompleted = tasksCompleted
        self.tasksRerun = tasksRerun
        self.applicationMastersRestarted = applicationMastersRestarted
        self.preemptions = preemptions
        self.waitingTime = waitingTime
        self.completionTime = completionTime
        self.primaryWorkerHours = primaryWorkerHours
        self.secondaryWorkerHours = secondaryWorkerHours
        self.scalingOperations = scalingOperations
        self.skippedEvaluations = skippedEvaluations
        self.history = history
        self.events = events
    }
}
