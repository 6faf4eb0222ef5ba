/// One row of a simulation report: the cluster at one sampling tick.
public struct SimulationSample: Sendable, Hashable, Codable {
    /// Seconds since the simulation started.
    public var timeSeconds: Double
    /// Primary workers in YARN (running or draining).
    public var primaryWorkers: Int
    /// Secondary workers in YARN (running or draining).
    public var secondaryWorkers: Int
    /// Workers draining for a graceful decommission (included in the two counts above).
    public var decommissioningWorkers: Int
    /// Workers being provisioned (not yet in YARN).
    public var provisioningWorkers: Int
    /// `yarn-memory-mb-pending`.
    public var pendingMemoryMB: Int64
    /// `yarn-memory-mb-available`.
    public var availableMemoryMB: Int64
    /// `yarn-memory-mb-allocated`.
    public var allocatedMemoryMB: Int64
    /// `yarn-containers-pending`.
    public var pendingContainers: Int64
    /// `yarn-containers-allocated`.
    public var allocatedContainers: Int64
    /// Jobs whose application master runs.
    public var runningJobs: Int
    /// Jobs that arrived and wait for their application master.
    public var waitingJobs: Int

    /// A row from its parts.
    public init(
        timeSeconds: Double, primaryWorkers: Int, secondaryWorkers: Int, decommissioningWorkers: Int,
        provisioningWorkers: Int, pendingMemoryMB: Int64, availableMemoryMB: Int64, allocatedMemoryMB: Int64,
        pendingContainers: Int64, allocatedContainers: Int64, runningJobs: Int, waitingJobs: Int
    ) {
        self.timeSeconds = timeSeconds
        self.primaryWorkers = primaryWorkers
        self.secondaryWorkers = secondaryWorkers
        self.decommissioningWorkers = decommissioningWorkers
        self.provisioningWorkers = provisioningWorkers
        self.pendingMemoryMB = pendingMemoryMB
        self.availableMemoryMB = availableMemoryMB
        self.allocatedMemoryMB = allocatedMemoryMB
        self.pendingContainers = pendingContainers
        self.allocatedContainers = allocatedContainers
        self.runningJobs = runningJobs
        self.waitingJobs = waitingJobs
    }
}
