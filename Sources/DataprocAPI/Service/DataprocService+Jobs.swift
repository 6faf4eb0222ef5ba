import Cluster
import Foundation
import Jobs
import MapReduce
import Persistence

extension DataprocService {
    // MARK: - Submit

    /// `POST /jobs:submit`: starts the job's driver on its cluster and returns the Job.
    func submitJob(project: String, region: String, request: SubmitJobRequest) async throws(APIError) -> JobMessage {
        guard let raw = request.job?.objectValue else {
            throw .invalidArgument("the request has no job; send {\"job\": {...}}", field: "job")
        }
        for name in raw.keys.sorted() where name.hasSuffix("Job") && name != "hadoopJob" {
            throw .invalidArgument("job.\(name) is not supported. " + HadoopJobPlan.supported, field: "job.\(name)")
        }
        let job: JobMessage
        do {
            job = try JSONDecoder().decode(JobMessage.self, from: WireJSON.encode(JSONValue.object(raw)))
        } catch {
            var described = WireJSON.describe(error)
            described.fieldViolations = described.fieldViolations.map { .init(field: "job." + $0.field, description: $0.description) }
            throw described
        }
        return try await submit(job, project: project, region: region, requestId: request.requestId)
    }

    func submit(_ requested: JobMessage, project: String, region: String, requestId: String?) async throws(APIError) -> JobMessage {
        var job = requested
        guard let hadoop = job.hadoopJob else {
            throw .invalidArgument("the job has no hadoopJob. " + HadoopJobPlan.supported, field: "job.hadoopJob")
        }
        guard let clusterName = job.placement?.clusterName, !clusterName.isEmpty else {
            throw .invalidArgument("job.placement.clusterName is required; name the cluster to run on", field: "job.placement.clusterName")
        }
        if let projectId = job.reference?.projectId, !projectId.isEmpty, projectId != project {
            throw .invalidArgument("job.reference.projectId \(projectId) does not match project \(project) in the URL", field: "job.reference.projectId")
        }
        let jobId = job.reference?.jobId.flatMap { $0.isEmpty ? nil : $0 }
            ?? UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        guard Self.isValidJobID(jobId) else {
            throw .invalidArgument(
                "job id '\(jobId)' is invalid; use up to 100 letters, digits, underscores and hyphens", field: "job.reference.jobId")
        }
        let key = ResourceKey(project: project, region: region, id: jobId)
        if let existing = jobs[key] {
            if let requestId, !requestId.isEmpty, existing.requestId == requestId { return existing.message }
            throw .alreadyExists("Already exists: Failed to submit job: Job \(key.name("jobs"))")
        }
        let clusterKey = key.sibling(clusterName)
        let cluster = try self.cluster(clusterKey)
        guard let runtime = cluster.runtime else {
            throw .failedPrecondition("Cluster \(clusterKey.name("clusters")) is \(cluster.status.state) and cannot accept jobs; wait until it is RUNNING")
        }
        let plan = try HadoopJobPlan(hadoop, storage: storage)
        let state = await runtime.state
        guard state.acceptsJobs else {
            throw .failedPrecondition(
                "Cluster \(clusterKey.name("clusters")) is \(state) and cannot accept jobs; " + (state == .stopped ? "start it first" : "wait until it is RUNNING"))
        }
        guard jobs[key] == nil else { throw .alreadyExists("Already exists: Failed to submit job: Job \(key.name("jobs"))") }
        guard let bucket = cluster.spec.config?.configBucket else {
            throw APIError(code: .internal, message: "cluster \(clusterName) has no config bucket")
        }
        let folder = "google-cloud-dataproc-metainfo/\(cluster.uuid)/jobs/\(jobId)/"
        var writerLogger = logger
        writerLogger[metadataKey: "job.id"] = "\(jobId)"
        writerLogger[metadataKey: "cluster.name"] = "\(clusterName)"
        let writer = ObjectSeriesWriter(
            basePath: try storage.objectPath(bucket: bucket, name: folder + "driveroutput"), logger: writerLogger)
        job.reference = JobReference(projectId: project, jobId: jobId)
        job.placement = JobPlacement(clusterName: clusterName, clusterUuid: cluster.uuid, clusterLabels: job.placement?.clusterLabels)
        job.driverControlFilesUri = "gs://\(bucket)/\(folder)"
        job.driverOutputResourceUri = "gs://\(bucket)/\(folder)driveroutput"
        job.status = JobStatusMessage(state: .pending, stateStartTime: now.description, substate: .queued)
        jobs[key] = JobEntry(key: key, message: job, runtime: runtime, requestId: requestId, createTime: now)
        jobOrder.append(key)
        jobQueues[clusterKey, default: []].append(QueuedJob(
            key: key, program: plan.program, arguments: plan.arguments, properties: plan.properties, writer: writer))
        saveJob(key, force: true)
        await dispatchQueuedJobs(clusterKey)
        return jobs[key]?.message ?? job
    }

    /// How many job drivers may run on the cluster at once: the property
    /// `dataproc:dataproc.scheduler.max-concurrent-jobs`, else half the
    /// cluster's application-master slots, so that drivers can never hold
    /// every container while their tasks wait (more jobs stay PENDING, QUEUED).
    func concurrentJobLimit(_ runtime: SimulatedCluster) async -> Int {
        if let text = runtime.properties["dataproc:dataproc.scheduler.max-concurrent-jobs"], let limit = Int(text), limit > 0 {
            return limit
        }
        let sizing = runtime.sizing
        let perNode = max(1, min(sizing.nodeManagerMemoryMB / max(sizing.appMasterMemoryMB, 1),
                                 sizing.nodeManagerVcores / max(sizing.appMasterVcores, 1)))
        let workers = max(1, await runtime.primaryWorkerCount + runtime.secondaryWorkerCount)
        return max(1, workers * perNode / 2)
    }

    /// Starts queued jobs of the cluster while it has room for their drivers.
    func dispatchQueuedJobs(_ clusterKey: ResourceKey) async {
        guard let runtime = clusters[clusterKey]?.runtime else { return }
        let limit = await concurrentJobLimit(runtime)
        while runningDrivers[clusterKey, default: 0] < limit, var queue = jobQueues[clusterKey], !queue.isEmpty {
            let next = queue.removeFirst()
            jobQueues[clusterKey] = queue.isEmpty ? nil : queue
            guard jobs[next.key]?.isActive == true else { continue }
            runningDrivers[clusterKey, default: 0] += 1
            let (storage, clock) = (self.storage, self.clock)
            let writer = next.writer
            do {
                let handle = try await runtime.submit(
                    program: next.program, arguments: next.arguments, properties: next.properties, jobID: next.key.id,
                    onOutput: { writer.append(Self.driverLine(storage.uris(in: $0), at: GoogleTimestamp(clock.date(of: clock.now)))) })
                if let snapshot = await runtime.job(next.key.id) { apply(snapshot, to: next.key) }
                saveJob(next.key)
                Task {
                    // The job's end, whatever it is, is read from the runtime in `jobEnded`.
                    do {
                        _ = try await handle.wait()
                    } catch {
                        self.logger.error("lost track of a running job", metadata: [
                            "job.id": "\(next.key.id)", "cluster.name": "\(clusterKey.id)", "error": "\(error)",
                        ])
                    }
                    writer.close()
                    await self.jobEnded(next.key)
                    await self.driverEnded(clusterKey)
                }
            } catch {
                runningDrivers[clusterKey, default: 1] -= 1
                do {
                    try endQueuedJob(next, state: .error, details: "Job failed: \(error)")
                } catch {
                    log(error, ["job.id": "\(next.key.id)", "cluster.name": "\(clusterKey.id)"])
                }
            }
        }
    }

    func driverEnded(_ clusterKey: ResourceKey) async {
        runningDrivers[clusterKey, default: 1] -= 1
        await dispatchQueuedJobs(clusterKey)
    }

    /// Ends a job that never started: CANCELLED (through CANCEL_PENDING, as
    /// `JobState` wants), or ERROR when its cluster went away. Its driver output is closed either way.
    ///
    /// - Throws: `IllegalTransition` when the job cannot end so; it is left as it was.
    func endQueuedJob(_ queued: QueuedJob, state: JobState, details: String) throws(IllegalTransition) {
        defer { queued.writer.close() }
        guard var entry = jobs[queued.key] else { return }
        let time = now.description
        if state == .cancelled { try entry.message.move(to: .cancelPending, at: time) }
        try entry.message.move(to: state, details: details, at: time)
        entry.runtime = nil
        jobs[queued.key] = entry
        saveJob(queued.key, force: true)
    }

    /// Fails every job still queued on a cluster that is going away.
    func failQueuedJobs(_ clusterKey: ResourceKey, reason: String) {
        for queued in jobQueues.removeValue(forKey: clusterKey) ?? [] {
            do {
                try endQueuedJob(queued, state: .error, details: "Job failed: cluster '\(clusterKey.id)' \(reason) before the job could start.")
            } catch {
                log(error, ["job.id": "\(queued.key.id)", "cluster.name": "\(clusterKey.id)"])
            }
        }
    }

    static func isValidJobID(_ id: String) -> Bool {
        (1 ... 100).contains(id.unicodeScalars.count) && id.unicodeScalars.allSatisfy { scalar in
            ("a" ... "z").contains(scalar) || ("A" ... "Z").contains(scalar) || ("0" ... "9").contains(scalar) || scalar == "_" || scalar == "-"
        }
    }

    /// A Hadoop log line with Hadoop's timestamp in front (`2024-04-01 12:34:56,123 INFO …`).
    static func driverLine(_ line: String, at time: GoogleTimestamp) -> String {
        guard line.hasPrefix("INFO ") || line.hasPrefix("WARN ") || line.hasPrefix("ERROR ") else { return line }
        let stamp = time.description
        var date = stamp.prefix(19).replacingOccurrences(of: "T", with: " ")
        let fraction = stamp.dropFirst(20).prefix(3)
        date += "," + fraction + String(repeating: "0", count: 3 - fraction.count)
        return date + " " + line
    }

    // MARK: - State

    /// Copies a runtime snapshot of the job into its message.
    func apply(_ snapshot: ClusterJob, to key: ResourceKey) {
        guard var entry = jobs[key] else { return }
        func status(_ status: JobStatus) -> JobStatusMessage {
            JobStatusMessage(state: status.state, details: status.details.map(storage.uris(in:)),
                             stateStartTime: status.stateStartTime.description)
        }
        entry.message.status = status(snapshot.status)
        entry.message.statusHistory = snapshot.statusHistory.isEmpty ? nil : snapshot.statusHistory.map(status)
        entry.message.yarnApplications = snapshot.yarnApplications.isEmpty ? nil : snapshot.yarnApplications.map {
            YarnApplicationMessage(name: $0.name, state: $0.state, progress: $0.progress, trackingUrl: $0.trackingUrl)
        }
        entry.message.jobUuid = snapshot.uuid
        entry.message.done = snapshot.done ? true : nil
        jobs[key] = entry
    }

    /// Reads the job's runtime state into its message, persisting a change of state.
    func refreshJob(_ key: ResourceKey) async {
        guard let runtime = jobs[key]?.runtime else { return }
        guard let snapshot = await runtime.job(key.id) else { return }
        apply(snapshot, to: key)
        saveJob(key)
    }

    func jobEnded(_ key: ResourceKey) async {
        await refreshJob(key)
        if jobs[key].map({ !$0.isActive }) == true { jobs[key]?.runtime = nil }
        saveJob(key, force: true)
    }

    func saveJob(_ key: ResourceKey, force: Bool = false) {
        guard let entry = jobs[key], force || entry.lastSavedState != entry.state else { return }
        jobs[key]?.lastSavedState = entry.state
        persist([.saveJob(stored(entry))])
        noteChange()
    }

    func stored(_ entry: JobEntry) -> StoredJob {
        StoredJob(
            projectId: entry.key.project, region: entry.key.region, jobId: entry.key.id,
            clusterName: entry.message.placement?.clusterName ?? "", state: entry.state, requestId: entry.requestId,
            createTime: entry.createTime.description, document: document(entry.message, of: "job", id: entry.key.id))
    }

    func job(_ key: ResourceKey) throws(APIError) -> JobEntry {
        guard let entry = jobs[key] else { throw .notFound("Job", key.name("jobs")) }
        return entry
    }

    // MARK: - Requests

    /// `GET /jobs/{id}`.
    func getJob(_ key: ResourceKey) async throws(APIError) -> JobMessage {
        _ = try job(key)
        await refreshJob(key)
        return try job(key).message
    }

    /// `GET /jobs`: newest first; `clusterName`, `jobStateMatcher` and `filter`
    /// (`status.state = ACTIVE|NON_ACTIVE`, `placement.clusterName = C`, `labels.KEY = V|*`), which overrides the matcher.
    func listJobs(
        project: String, region: String, clusterName: String?, stateMatcher: String?, filter text: String?, pageSize: Int?, pageToken: String?
    ) async throws(APIError) -> ListJobsResponse {
        let filter = try ListFilter(parsing: text ?? "")
        try filter.check(known: ["status.state", "placement.clusterName", "clusterName"], resource: "jobs")
        let requested = stateMatcher ?? ""
        guard var matcher = requested.isEmpty ? .all : StateMatcher(wire: requested) else {
            throw .invalidArgument("jobStateMatcher \(requested) must be ALL, ACTIVE or NON_ACTIVE", field: "jobStateMatcher")
        }
        if filter.terms.contains(where: { $0.field == "status.state" }) { matcher = .all }
        let keys = jobOrder.reversed().filter { $0.project == project && $0.region == region }
        for key in keys where jobs[key]?.runtime != nil { await refreshJob(key) }
        let messages = keys.compactMap { jobs[$0] }.filter { entry in
            if let clusterName, !clusterName.isEmpty, entry.message.placement?.clusterName != clusterName { return false }
            guard matcher.admits(isActive: entry.isActive) else { return false }
            return filter.matches { field in
                switch field {
                case "status.state": return [entry.state.rawValue, StateMatcher(isActive: entry.isActive).rawValue]
                case "placement.clusterName", "clusterName": return [entry.message.placement?.clusterName ?? ""]
                default: return entry.message.labels?[String(field.dropFirst("labels.".count))].map { [$0] } ?? []
                }
            }
        }.map(\.message)
        let page = try PageToken.page(messages, size: pageSize, token: pageToken)
        return ListJobsResponse(jobs: page.items.isEmpty ? nil : page.items, nextPageToken: page.next)
    }

    /// `POST /jobs/{id}:cancel`.
    func cancelJob(_ key: ResourceKey) async throws(APIError) -> JobMessage {
        _ = try job(key)
        await refreshJob(key)
        let entry = try job(key)
        guard entry.isActive, let runtime = entry.runtime else {
            throw .failedPrecondition("Job \(key.name("jobs")) is \(entry.state) and cannot be cancelled; only an active job can be")
        }
        let clusterKey = key.sibling(entry.message.placement?.clusterName ?? "")
        if let index = jobQueues[clusterKey]?.firstIndex(where: { $0.key == key }), let queued = jobQueues[clusterKey]?.remove(at: index) {
            do {
                try endQueuedJob(queued, state: .cancelled, details: "Job cancelled by request before it started.")
            } catch {
                log(error, ["job.id": "\(key.id)", "cluster.name": "\(clusterKey.id)"])
                throw APIError(code: .internal, message: "Job \(key.name("jobs")) could not be cancelled: \(error)")
            }
            return try job(key).message
        }
        do {
            let snapshot = try await runtime.cancel(job: key.id)
            apply(snapshot, to: key)
        } catch {
            throw .failedPrecondition("Job \(key.name("jobs")) cannot be cancelled: \(error)")
        }
        saveJob(key)
        return try job(key).message
    }

    /// `DELETE /jobs/{id}`: only a job that has ended.
    func deleteJob(_ key: ResourceKey) async throws(APIError) {
        _ = try job(key)
        await refreshJob(key)
        let entry = try job(key)
        guard !entry.isActive else {
            throw .failedPrecondition(
                "Job \(key.name("jobs")) is \(entry.state) and cannot be deleted; cancel it first (gcloud dataproc jobs kill \(key.id))")
        }
        jobs[key] = nil
        jobOrder.removeAll { $0 == key }
        persist([.deleteJob(projectId: key.project, region: key.region, jobId: key.id)])
    }

    /// `PATCH /jobs/{id}?updateMask=labels`.
    func updateJob(_ key: ResourceKey, body: JobMessage, mask: UpdateMask) async throws(APIError) -> JobMessage {
        _ = try job(key)
        guard !mask.paths.isEmpty, mask.paths.allSatisfy({ $0 == "labels" }) else {
            throw .invalidArgument("only labels can be updated on a job; send updateMask=labels", field: "updateMask")
        }
        jobs[key]?.message.labels = body.labels?.isEmpty == false ? body.labels : nil
        saveJob(key, force: true)
        return try job(key).message
    }
}
