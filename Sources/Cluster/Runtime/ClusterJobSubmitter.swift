import Foundation
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

        let (application, yarnID, _) = try await cluster.startApplication(jobID: jobID, name: job.name, masterResources: master)
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
        let hasReduces = ((try? job.reduceTasks()) ?? 1) > 0
        do {
            let result = try await JobRunner(launcher: launcher).run(job, id: mapReduceID) { progress in
                log.append("INFO mapreduce.Job: \(progress)")
                log.setProgress(hasReduces ? (progress.map + progress.reduce) / 2 : progress.map, application: yarnID)
            }
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
