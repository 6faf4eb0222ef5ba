import Foundation
import Synchronization
import MapReduce
import ResourceManager

/// The submitter a job's driver program gets: runs each MapReduce job as a
/// YARN application of that Dataproc job, writing Hadoop's driver output
/// (`Running job`, ` map 40% reduce 0%`, counters) into the job's log.
struct ClusterJobSubmitter: JobSubmitter {
    let cluster: SimulatedCluster
    let jobID: String
    let log: JobLog

    func submit(_ job: MapReduceJob) async throws -> JobResult {
        let sizing = cluster.sizing
        let configuration = job.configuration
        func resources(_ memoryKey: String, _ memoryDefault: Int, _ vcoresKey: String, _ vcoresDefault: Int) throws -> Resources {
            let memory = Int(try configuration.int(memoryKey, default: Int64(memoryDefault)))
            let minimum = max(sizing.minimumAllocationMB, 1)
            let rounded = (max(memory, 1) + minimum - 1) / minimum * minimum
            return Resources(memoryMB: rounded, vcores: max(1, Int(try configuration.int(vcoresKey, default: Int64(vcoresDefault)))))
        }
        let master = try resources("yarn.app.mapreduce.am.resource.mb", sizing.appMasterMemoryMB,
                                   "yarn.app.mapreduce.am.resource.cpu-vcores", sizing.appMasterVcores)
        let map = try resources("mapreduce.map.memory.mb", sizing.mapMemoryMB, "mapreduce.map.cpu.vcores", sizing.mapVcores)
        let reduce = try resources("mapreduce.reduce.memory.mb", sizing.reduceMemoryMB, "mapreduce.reduce.cpu.vcores", sizing.reduceVcores)

        let maxMasterAttempts = max(1, Int(try configuration.int("mapreduce.am.max-attempts", default: 2)))
        let hasReduces = try job.reduceTasks() > 0
        let (application, yarnID, firstMaster) = try await cluster.startApplication(jobID: jobID, name: job.name, masterResources: master)
        let mapReduceID = String(yarnID.dropFirst("application_".count))
        log.append("INFO impl.YarnClientImpl: Submitted application \(yarnID)")
        log.append("INFO mapreduce.Job: The url to track the job: http://\(cluster.clusterName)-m:8088/proxy/\(yarnID)/")
        log.append("INFO mapreduce.Job: Running job: job_\(mapReduceID)")
        log.append("INFO mapreduce.Job: \(JobProgress(map: 0, reduce: 0))")
        let launcher = ClusterTaskLauncher(
            cluster: cluster, application: application, jobName: job.name, mapResources: map, reduceResources: reduce,
            disks: cluster.disks, slots: cluster.executionSlots
        )
        let log = self.log
        do {
            let result = try await runRetryingMaster(
                application: application, firstMaster: firstMaster, masterResources: master, maxAttempts: maxMasterAttempts,
                launcher: launcher, job: job, id: mapReduceID, yarnID: yarnID, hasReduces: hasReduces)
            await cluster.endApplication(application, as: .finished, jobID: jobID)
            await cluster.recordResult(result, jobID: jobID)
            log.append("INFO mapreduce.Job: Job job_\(mapReduceID) completed successfully")
            let counterLines = result.counters.description.split(separator: "\n", omittingEmptySubsequences: false)
            log.append("INFO mapreduce.Job: Counters: \(result.counters.groups.values.reduce(0) { $0 + $1.count })")
            for line in counterLines { log.append(String(line)) }
            return result
        } catch {
            let cancelled = Task.isCancelled
            await cluster.endApplication(application, as: cancelled ? .killed : .failed, jobID: jobID)
            if let failure = error as? JobFailure { await cluster.recordFailure(failure, jobID: jobID) }
            log.append("INFO mapreduce.Job: Job job_\(mapReduceID) failed with state \(cancelled ? "KILLED" : "FAILED") due to: \(error)")
            throw error
        }
    }
}

extension ClusterJobSubmitter {
    /// Runs the job under its application master, and under a new one each time
    /// the master's container is lost, up to `maxAttempts` masters
    /// (`mapreduce.am.max-attempts`, default 2, as Hadoop's). Each new master
    /// starts the job afresh: the lost attempt's tasks were killed and its
    /// output aborted.
    func runRetryingMaster(
        application: ApplicationID, firstMaster: ContainerGrant, masterResources: Resources, maxAttempts: Int,
        launcher: ClusterTaskLauncher, job: MapReduceJob, id: String, yarnID: String, hasReduces: Bool
    ) async throws -> JobResult {
        var master = firstMaster
        for attempt in 1... {
            let run = await runUnderMaster(master, launcher: launcher, job: job, id: id, yarnID: yarnID, hasReduces: hasReduces)
            switch (run.outcome, run.masterLost) {
            case let (.success(result), _):
                return result
            case let (.failure(error), nil):
                throw error
            case let (.failure(error), lost?):
                if Task.isCancelled { throw error }
                if let failure = error as? JobFailure { await cluster.recordFailure(failure, jobID: jobID) }
                let attemptID = "appattempt_\(id)_\(String(format: "%06d", attempt))"
                guard attempt < maxAttempts else {
                    throw ClusterError.applicationMasterLost(application: yarnID, attempts: maxAttempts, lastAttempt: attemptID, reason: lost)
                }
                log.append("INFO mapreduce.Job: AM Container for \(attemptID) exited: \(lost); launching attempt \(attempt + 1) of \(maxAttempts)")
                master = try await cluster.restartMaster(application, resources: masterResources, jobName: job.name)
            }
        }
        preconditionFailure("an unbounded loop ended")
    }

    /// What one application-master attempt came to, and why its master died, if it did.
    struct MasterRun {
        var outcome: Result<JobResult, any Error>
        var masterLost: String?
    }

    /// Runs the MapReduce job under the master in `grant`: if the master's
    /// container is lost, the run is stopped (its tasks killed, its output
    /// aborted) and the loss reported, so another attempt can start afresh.
    func runUnderMaster(
        _ grant: ContainerGrant, launcher: ClusterTaskLauncher, job: MapReduceJob, id: String, yarnID: String, hasReduces: Bool
    ) async -> MasterRun {
        let log = self.log
        let run = Task {
            try await JobRunner(launcher: launcher).run(job, id: id) { progress in
                log.append("INFO mapreduce.Job: \(progress)")
                log.setProgress(hasReduces ? (progress.map + progress.reduce) / 2 : progress.map, application: yarnID)
            }
        }
        let lost = LostMaster()
        await cluster.watchMaster(grant.containerID) { reason in
            lost.record(reason)
            run.cancel()
        }
        let outcome = await withTaskCancellationHandler {
            await run.result
        } onCancel: {
            run.cancel()
        }
        await cluster.endMasterWatch(grant.containerID, lost: nil)
        return MasterRun(outcome: outcome, masterLost: lost.reason)
    }
}

/// Why an application master's container died, set once from the cluster actor.
final class LostMaster: Sendable {
    private let state = Mutex<String?>(nil)

    func record(_ reason: String) { state.withLock { $0 = $0 ?? reason } }

    var reason: String? { state.withLock { $0 } }
}
