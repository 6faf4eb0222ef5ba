import Cluster
import ResourceManager

/// Runs a workload through the resource manager and the autoscaler on virtual time.
///
/// A discrete-event simulation: job arrivals, task ends, sampling ticks, workers
/// joining after their provisioning delay, graceful decommission deadlines and
/// preemptions are events in a priority queue, and time jumps from one to the next —
/// no computation and no sleeping. The cluster is a `ResourceManagerState` whose
/// nodes are sized by the profile's machine types (``YarnSizing``); the autoscaler is
/// the same ``Autoscaler`` a live cluster runs.
///
/// Model:
/// - A job asks for one application-master container at its arrival; once it runs,
///   the job asks for all its task containers at once (one FIFO request). Each task
///   holds its container for the job's task duration. When the last task ends, the
///   application master is released and the job is finished.
/// - Scale-up: new workers join YARN after `provisioningDelay`. Scale-down: the
///   workers with the fewest containers (newest first among equals) start a graceful
///   decommission; each leaves when drained or, at the policy's
///   `gracefulDecommissionTimeout`, is forced out and its tasks are requested again
///   and re-run from the start. A killed application master is requested again; its
///   job keeps its finished tasks, as MapReduce's recovery does.
/// - The resize operation ends when every new worker has joined and every removed
///   worker has left; the cluster is `UPDATING` meanwhile and the cooldown starts at
///   its end.
/// - Samples are taken after the events of their instant and a scheduling pass.
public enum Simulator {
    /// Simulates `trace` on the cluster and policy of `configuration`.
    ///
    /// - Throws: ``SimulationError`` when the cluster, the policy or a job cannot be
    ///   simulated (an unknown machine type, an invalid policy, a container larger than
    ///   any worker).
    /// - Complexity: O(e log e) for e events: about two per task, one per sample.
    public static func run(_ trace: SimulationTrace, configuration: SimulationConfiguration) throws(SimulationError) -> SimulationReport {
        var engine = try SimulationEngine(trace: trace, configuration: configuration)
        do {
            try engine.run()
        } catch {
            throw SimulationError(
                subject: "simulation", message: "the resource manager rejected an event (\(error))",
                fix: "report this trace and profile: the simulator and the resource manager disagree")
        }
        return engine.report()
    }
}
