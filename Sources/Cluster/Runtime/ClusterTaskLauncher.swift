import Foundation
import MapReduce
import ResourceManager

/// Runs a MapReduce job's task attempts in containers of one YARN application
/// on a simulated cluster: one container per attempt, placed by the resource
/// manager (waiting FIFO when nothing fits), on a node outside the attempt's
/// excluded nodes when one can hold it; the attempt runs in that node's
/// directory against that node's disk quota, and its container is released
/// when it ends. Real execution is bounded by the cluster's host pool.
struct ClusterTaskLauncher: TaskLauncher {
    let cluster: SimulatedCluster
    let application: ApplicationID
    let jobName: String
    let mapResources: Resources
    let reduceResources: Resources
    let disks: NodeDiskRegistry
    let slots: AsyncSemaphore

    func launch<T: Sendable>(
        _ attempt: TaskAttemptID,
        excludedNodes: Set<String>,
        _ body: @escaping @Sendable (TaskEnvironment) throws -> T
    ) async throws -> T {
        let grant = try await cluster.allocate(
            application: application, resources: attempt.kind == .map ? mapResources : reduceResources,
            excluded: excludedNodes, kind: .task(attempt), jobName: jobName
        )
        do {
            try await slots.acquire()
        } catch {
            await cluster.containerFinished(grant.containerID)
            throw error
        }
        let directory = "\(grant.disk.directory)/usercache/\(attempt)"
        // A node lost before the attempt started has no directory to write into:
        // its flag is set and the attempt fails, so it is retried elsewhere.
        // Any other failure to make the directory fails the attempt the same way, saying why.
        if !grant.disk.isGone {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                grant.cancellation.cancel(reason: "cannot create the attempt directory \(directory) on \(grant.nodeName): \(error)")
            }
        }
        if let injected = grant.injectedFailure { grant.cancellation.cancel(reason: injected) }
        let environment = TaskEnvironment(
            nodeName: grant.nodeName, localDirectory: directory,
            disk: grant.disk.accountant(for: directory), cancellation: grant.cancellation
        )
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await AttemptThread.run(cancellation: grant.cancellation) { try body(environment) })
        } catch {
            outcome = .failure(error)
        }
        await slots.release()
        // A successful map keeps its output on the node until the job discards it.
        var keep = false
        if case .success = outcome, attempt.kind == .map, !grant.cancellation.isCancelled, grant.disk.bytes(in: directory) > 0 {
            keep = true
        }
        if !keep { grant.disk.removeDirectory(directory) }
        await cluster.containerFinished(grant.containerID)
        return try outcome.get()
    }

    func isAvailable(_ output: MapOutputFile) -> Bool {
        guard let disk = disks.disk(named: output.nodeName), !disk.isGone else { return false }
        return FileManager.default.fileExists(atPath: output.path)
    }

    func discard(_ output: MapOutputFile) {
        let directory = (output.path as NSString).deletingLastPathComponent
        if let disk = disks.disk(named: output.nodeName) {
            disk.removeDirectory(directory)
        } else {
            NodeDisk.removeLeftover(directory)
        }
    }
}
