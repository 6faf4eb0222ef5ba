import Cluster
import ClusterProfiles
import Foundation
import MapReduce

/// The cluster `miniproc run` creates for one run: worker slots sized from the
/// profile's machine types, reporting Hadoop-style progress for every job.
final class EmbeddedCluster: JobSubmitter, @unchecked Sendable {
    // Unchecked: `attempts` is only touched from `submit`, which the CLI awaits one job at a time.
    private let name: String
    private let profile: ClusterProfile
    private let sizing: YarnSizing
    private let launcher: LocalTaskLauncher
    private let log: HadoopLog
    private var attempts: [TaskAttemptReport] = []

    init(profile: ClusterProfile, log: HadoopLog) throws {
        self.profile = profile
        self.log = log
        self.name = "miniproc-\(profile.name)-\(String(UUID().uuidString.prefix(6)).lowercased())"
        self.sizing = try YarnSizing(config: profile.config)
        self.launcher = LocalTaskLauncher()
        let workers = profile.config.primaryWorkerCount
        log.info("miniproc.Cluster", "Created cluster \(name) from profile \(profile.name): \(workers) workers, \(sizing.nodeManagerMemoryMB) MB and \(sizing.nodeManagerVcores) vcores of YARN capacity each")
    }

    /// The job configuration: the profile's `mapred:` defaults under the user's properties.
    func jobConfiguration(overrides: [String: String]) -> JobConfiguration {
        var properties: [String: String] = [:]
        for (key, value) in sizing.properties where key.hasPrefix("mapred:") {
            properties[String(key.dropFirst("mapred:".count))] = value
        }
        // A single map and reduce slot count by default, as Hadoop's default of one reducer.
        properties["mapreduce.job.reduces"] = "1"
        return JobConfiguration(properties.merging(overrides) { _, new in new })
    }

    func submit(_ job: MapReduceJob) async throws -> JobResult {
        let runner = JobRunner(launcher: launcher)
        let id = JobRunner.makeJobID()
        log.info("mapreduce.Job", "Running job: job_\(id)")
        let log = self.log
        do {
            let result = try await runner.run(job, id: id) { progress in
                log.info("mapreduce.Job", progress.description)
            }
            attempts += result.attempts
            log.info("mapreduce.Job", "Job job_\(id) completed successfully")
            log.counters(result.counters)
            return result
        } catch let failure as JobFailure {
            attempts += failure.attempts
            throw failure
        }
    }

    func printNodeSummary() {
        var tasks: [String: (maps: Int, reduces: Int, failed: Int)] = [:]
        for attempt in attempts {
            var entry = tasks[attempt.nodeName, default: (0, 0, 0)]
            if !attempt.succeeded { entry.failed += 1 } else if attempt.attempt.kind == .map { entry.maps += 1 } else { entry.reduces += 1 }
            tasks[attempt.nodeName] = entry
        }
        print("Node summary:")
        for node in tasks.keys.sorted() {
            let entry = tasks[node] ?? (0, 0, 0)
            print("  \(node): \(entry.maps) map tasks, \(entry.reduces) reduce tasks, \(entry.failed) failed attempts")
        }
    }

    func delete() {
        launcher.cleanUp()
        log.info("miniproc.Cluster", "Deleted cluster \(name)")
    }
}
