import Autoscaling
import Cluster
import ClusterProfiles
import Foundation
import Jobs
import MapReduce
import Streaming
import Synchronization

/// What `miniproc run` does with its embedded cluster: create it from a profile,
/// run one program of the job library on it as a Dataproc job (printing the
/// driver output as it comes), summarise where the work ran, and delete it.
struct EmbeddedCluster {
    let profile: ClusterProfile
    /// Where the driver output, the summaries and the cluster's log lines go.
    let log: HadoopLog

    /// Why a run did not succeed, for the exit status.
    enum Outcome {
        /// The job is DONE.
        case succeeded
        /// The program rejected its arguments; the message says how to call it.
        case usage(String)
        /// The job ended in another state than DONE; the message says which and why.
        case failed(String)
        /// A streaming job failed; the error carries Hadoop's exit code.
        case streamingFailed(StreamJobError)
    }

    func run(program: any JobProgram.Type, arguments: [String], properties: [String: String]) async throws -> Outcome {
        let name = "miniproc-\(profile.name)-\(String(UUID().uuidString.prefix(6)).lowercased())"
        // Node disks get their profile's full size: a command-line run works on real data.
        var options = ClusterOptions()
        options.diskScale = 1
        let cluster = try await SimulatedCluster.create(spec: profile.spec(clusterName: name, projectId: "local"), options: options)
        let config = await cluster.config
        log.info("miniproc.Cluster", "Created cluster \(name) from profile \(profile.name): \(config.primaryWorkerCount) primary and \(config.secondaryWorkerCount) secondary workers, \(cluster.sizing.nodeManagerMemoryMB) MB and \(cluster.sizing.nodeManagerVcores) vcores of YARN capacity each")

        // A profile that names an autoscaling policy gets it, as on Dataproc.
        let autoscaling = try await ClusterAutoscaling.start(cluster: cluster) { uri in
            try PolicyLoader().load(String(uri.split(separator: "/").last ?? Substring(uri)))
        }
        if let policy = await autoscaling.policy {
            log.info("miniproc.Autoscaler", "Autoscaling with policy \(policy.id)")
        }
        let thrown = Mutex<(any Error)?>(nil)
        let log = self.log
        let outcome: Outcome
        do {
            let handle = try await cluster.submit(
                program: program, arguments: arguments, properties: properties, onOutput: { log.driverOutput($0) },
                onProgramError: { error in thrown.withLock { $0 = error } })
            let job = try await handle.wait()
            if job.state == .done {
                outcome = .succeeded
            } else if let usage = thrown.withLock({ $0 }) as? UsageError {
                outcome = .usage(usage.message)
            } else if let streaming = thrown.withLock({ $0 }) as? StreamJobError {
                outcome = .streamingFailed(streaming)
            } else {
                let message = "Job \(job.id) ended \(job.state): \(job.status.details ?? "no details")"
                log.info("miniproc.Job", message)
                outcome = .failed(message)
            }
            let history = await autoscaling.scalingHistory
            if await autoscaling.policy != nil {
                log.console.print("Autoscaler evaluations: \(history.count)")
                for entry in history { log.console.print("  " + entry.line) }
            }
            log.console.print("Node summary:")
            for node in await cluster.nodeSummaries { log.console.print("  " + node.line) }
        } catch {
            await autoscaling.shutdown()
            do {
                _ = try await cluster.delete()
            } catch let deleteError {
                log.warn("miniproc.Cluster", "Could not delete cluster \(name) after the failure: \(deleteError)")
            }
            throw error
        }
        await autoscaling.shutdown()
        _ = try await cluster.delete()
        log.info("miniproc.Cluster", "Deleted cluster \(name)")
        return outcome
    }
}
