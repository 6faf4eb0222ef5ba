import Foundation
import MapReduce
import ResourceManager

extension SimulatedCluster {
    // MARK: - Submitting

    /// Submits a driver program: it runs at once (PENDING → SETUP_DONE →
    /// RUNNING) and may submit any number of MapReduce jobs through
    /// `driver.submitter`, each a YARN application whose application master
    /// holds a container for the whole MapReduce job. The job ends DONE when
    /// the program returns, ERROR when it throws.
    ///
    /// - Parameters:
    ///   - jobID: The job's id; nil for a generated one (32 hex digits, as gcloud makes).
    ///   - name: What the job runs, for reports (`wordcount`).
    ///   - onOutput: Hears each driver output line as it is written.
    /// - Throws: `ClusterError.wrongState` unless RUNNING or UPDATING; `.duplicateJob`.
    @discardableResult
    public func submit(
        jobID: String? = nil, name: String, onOutput: (@Sendable (String) -> Void)? = nil,
        program: @escaping JobDriverProgram
    ) throws -> ClusterJobHandle {
        try checkNotDeleted()
        guard lifecycle.state.acceptsJobs else {
            throw ClusterError.wrongState(cluster: clusterName, state: lifecycle.state, action: "accept jobs")
        }
        let id = jobID ?? UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        guard jobs[id] == nil else { throw ClusterError.duplicateJob(cluster: clusterName, id: id) }
        let record = JobRecord(
            id: id, uuid: UUID().uuidString.lowercased(), name: name,
            status: JobStatus(state: .pending, stateStartTime: nowTimestamp), log: JobLog(listener: onOutput)
        )
        jobs[id] = record
        jobOrder.append(id)
        refreshIdle()
        jobs[id]?.task = Task { await self.runJob(id, program: program) }
        return ClusterJobHandle(id: id, cluster: self)
    }

    /// Submits one MapReduce job as a Dataproc job.
    @discardableResult
    public func submit(
        _ job: MapReduceJob, jobID: String? = nil, onOutput: (@Sendable (String) -> Void)? = nil
    ) throws -> ClusterJobHandle {
        try submit(jobID: jobID, name: job.name, onOutput: onOutput) { driver in
            _ = try await driver.submitter.submit(job)
        }
    }

    /// A submitter that runs each MapReduce job as its own Dataproc job and
    /// waits for it, throwing `JobFailure` when it does not end DONE: what a
    /// caller that wants the engine's `JobSubmitter` interface passes around.
    public nonisolated var submitter: any JobSubmitter { StandaloneSubmitter(cluster: self) }

    // MARK: - Reading

    /// The job with this id.
    public func job(_ id: String) -> ClusterJob? {
        jobs[id].map(snapshot)
    }

    /// Every job, in submission order.
    public var allJobs: [ClusterJob] { jobOrder.compactMap { jobs[$0].map(snapshot) } }

    /// Waits until the job has ended and returns it.
    ///
    /// - Throws: `ClusterError.unknownJob`.
    public func waitForJob(_ id: String) async throws -> ClusterJob {
        guard let record = jobs[id] else { throw ClusterError.unknownJob(cluster: clusterName, id: id) }
        if !record.status.state.isFinal {
            await withCheckedContinuation { jobs[id]?.completionWaiters.append($0) }
        }
        guard let ended = jobs[id] else { throw ClusterError.unknownJob(cluster: clusterName, id: id) }
        return snapshot(ended)
    }

    /// Cancels a job: CANCEL_PENDING at once, CANCELLED once its tasks have stopped.
    ///
    /// - Throws: `ClusterError.unknownJob`, `.jobEnded`.
    @discardableResult
    public func cancel(job id: String) throws -> ClusterJob {
        guard var record = jobs[id] else { throw ClusterError.unknownJob(cluster: clusterName, id: id) }
        guard !record.status.state.isFinal else { throw ClusterError.jobEnded(id: id, state: record.status.state) }
        // A second cancel of a CANCEL_PENDING job asks for nothing new, and answers with the job as it is.
        if record.status.state.canMove(to: .cancelPending) { try record.move(to: .cancelPending, at: nowTimestamp) }
        record.endReason = .cancelled
        record.task?.cancel()
        jobs[id] = record
        publish(.job(id: id, status: record.status))
        return snapshot(record)
    }

    func snapshot(_ record: JobRecord) -> ClusterJob {
        let applications = record.applications.map { entry in
            let state = entry.finalState ?? resourceManager.application(entry.resourceManagerID)?.state ?? .accepted
            return YarnApplication(
                id: entry.yarnID, name: entry.name, state: state,
                progress: state == .finished ? 1 : record.log.progress(application: entry.yarnID),
                trackingUrl: "http://\(clusterName)-m:8088/proxy/\(entry.yarnID)/"
            )
        }
        return ClusterJob(
            id: record.id, uuid: record.uuid, name: record.name, status: record.status, statusHistory: record.history,
            yarnApplications: applications, driverOutput: record.log.lines, results: record.results,
            attempts: record.results.flatMap(\.attempts) + record.failedAttempts
        )
    }

    // MARK: - Running

    func runJob(_ id: String, program: JobDriverProgram) async {
        guard let log = jobs[id]?.log else { return }
        // A job cancelled before its task started is CANCEL_PENDING already, and skips these states.
        for next in [JobState.setupDone, .running] where jobs[id]?.status.state.canMove(to: next) == true {
            do {
                try jobs[id]?.move(to: next, at: nowTimestamp)
            } catch {
                preconditionFailure("job \(id) of cluster \(clusterName) was checked to move to \(next): \(error)")
            }
            if let status = jobs[id]?.status { publish(.job(id: id, status: status)) }
        }
        let driver = JobDriver(submitter: ClusterJobSubmitter(cluster: self, jobID: id, log: log), log: log)
        var failure: (any Error)?
        do {
            try await program(driver)
        } catch {
            failure = error
        }
        endJob(id, failure: failure)
    }

    func endJob(_ id: String, failure: (any Error)?) {
        guard var record = jobs[id] else { return }
        let now = nowTimestamp
        // A job that fails while its cluster goes away failed because it went away.
        if record.endReason == nil, failure != nil {
            if lifecycle.state == .deleting { record.endReason = .clusterDeleted }
            if lifecycle.state == .stopping { record.endReason = .clusterStopped }
        }
        let (state, details) = finalStatus(reason: record.endReason, failure: failure)
        // Only the job's own task ends it, once, while it is RUNNING or CANCEL_PENDING
        // (a cancel sets both CANCEL_PENDING and the reason): each final state may follow.
        do {
            try record.move(to: state, details: details, at: now)
        } catch {
            preconditionFailure("job \(id) of cluster \(clusterName) ended twice or before it ran: \(error)")
        }
        let waiting = record.completionWaiters
        record.completionWaiters = []
        record.task = nil
        jobs[id] = record
        publish(.job(id: id, status: record.status))
        for waiter in waiting { waiter.resume() }
        refreshIdle()
    }

    /// The state and details a job ends with.
    func finalStatus(reason: JobEndReason?, failure: (any Error)?) -> (JobState, String) {
        switch reason {
        case .cancelled?:
            (.cancelled, "Job cancelled by request.")
        case .clusterDeleted?:
            (.error, "Job failed: cluster '\(clusterName)' was deleted while the job was running.")
        case .clusterStopped?:
            (.error, "Job failed: cluster '\(clusterName)' was stopped while the job was running.")
        case nil:
            if let failure {
                (.error, "Google Cloud Dataproc Agent reports job failure: \(failure)")
            } else {
                (.done, "Agent reported job success")
            }
        }
    }

    /// Ends every active job for `reason` and waits until their tasks have stopped.
    func endAllJobs(_ reason: JobEndReason) async {
        var running: [Task<Void, Never>] = []
        for id in jobOrder {
            guard var record = jobs[id], !record.status.state.isFinal else { continue }
            record.endReason = reason
            record.task?.cancel()
            if let task = record.task { running.append(task) }
            jobs[id] = record
        }
        for task in running { await task.value }
    }

    // MARK: - YARN applications

    /// Submits a YARN application for a MapReduce job of job `jobID` and waits
    /// for its application master's container.
    func startApplication(jobID: String, name: String, masterResources: Resources) async throws -> (ApplicationID, String, ContainerGrant) {
        try checkNotDeleted()
        guard lifecycle.state.acceptsJobs else {
            throw ClusterError.wrongState(cluster: clusterName, state: lifecycle.state, action: "run applications")
        }
        let application = resourceManager.submitApplication(name: name)
        applicationSequence += 1
        let yarnID = "application_\(idTimestamp)_\(String(format: "%04d", applicationSequence))"
        jobs[jobID]?.applications.append(ApplicationEntry(resourceManagerID: application, yarnID: yarnID, name: name))
        refreshIdle()
        do {
            try await acquireMasterSlot(application, memoryMB: masterResources.memoryMB)
            let grant = try await allocate(
                application: application, resources: masterResources, excluded: [], kind: .applicationMaster, jobName: name
            )
            return (application, yarnID, grant)
        } catch {
            endApplication(application, as: Task.isCancelled ? .killed : .failed, jobID: jobID)
            throw error
        }
    }

    /// Ends a YARN application: its containers (the application master's
    /// included) are released and whatever still runs in them is stopped.
    func endApplication(_ application: ApplicationID, as state: ApplicationState, jobID: String) {
        releaseMasterSlot(application)
        // Only the MapReduce job that submitted an application ends it, once, and
        // nothing else ends or forgets applications: it is known and active here.
        do {
            let ended = try resourceManager.endApplication(application, as: state)
            containersEnded(ended.releasedContainers, reason: "container killed: application ended \(state)")
            for drained in ended.drainedNodes { completeDecommission(drained, forced: false) }
            if let index = jobs[jobID]?.applications.firstIndex(where: { $0.resourceManagerID == application }) {
                jobs[jobID]?.applications[index].finalState = resourceManager.application(application)?.state ?? state
            }
            try resourceManager.forgetApplication(application)
        } catch {
            preconditionFailure("application \(application) of cluster \(clusterName) was ended twice: \(error)")
        }
        schedulePass()
    }

    func recordResult(_ result: JobResult, jobID: String) {
        jobs[jobID]?.results.append(result)
    }

    func recordFailure(_ failure: JobFailure, jobID: String) {
        jobs[jobID]?.failedAttempts.append(contentsOf: failure.attempts)
    }
}
