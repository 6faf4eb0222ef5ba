import Cluster
import Foundation
import Persistence

extension DataprocService {
    /// `POST /workflowTemplates:instantiateInline`: checks the template, then in
    /// the background creates the managed cluster, runs the jobs as their
    /// prerequisites complete, and deletes the cluster whatever happened.
    func instantiateInline(project: String, region: String, template: WorkflowTemplateMessage, requestId: String?) throws(APIError) -> OperationMessage {
        if let requestId, !requestId.isEmpty,
           let existing = operationOrder.lazy.compactMap({ self.operations[$0] }).first(where: { $0.requestId == requestId }) {
            return existing.message
        }
        guard template.placement?.clusterSelector == nil else {
            throw .invalidArgument("placement.clusterSelector is not supported; use placement.managedCluster", field: "placement.clusterSelector")
        }
        guard let managed = template.placement?.managedCluster else {
            throw .invalidArgument("placement.managedCluster is required", field: "placement.managedCluster")
        }
        let prefix = managed.clusterName ?? ""
        guard (2 ... 35).contains(prefix.count) else {
            throw .invalidArgument("placement.managedCluster.clusterName must be 2 to 35 characters, got '\(prefix)'",
                                   field: "placement.managedCluster.clusterName")
        }
        let steps = try Self.steps(of: template, storage: storage)
        let suffix = String(UUID().uuidString.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(13))
        let clusterName = "\(prefix)-\(suffix)"
        let spec = ClusterSpec(projectId: project, clusterName: clusterName, labels: managed.labels, config: managed.config)
        let errors = spec.validationErrors(now: now)
        if !errors.isEmpty { throw .invalidConfig(errors, prefix: "placement.managedCluster.") }

        let id = UUID().uuidString.lowercased()
        let key = ResourceKey(project: project, region: region, id: id)
        let graph = WorkflowGraph(nodes: WorkflowDAG(steps: steps).nodes)
        let metadata = WorkflowMetadata(state: .pending, clusterName: clusterName, graph: graph, startTime: now.description)
        let entry = OperationEntry(
            key: key, message: OperationMessage(name: key.name("operations"), metadata: .workflow(metadata)), createTime: now, requestId: requestId)
        operations[id] = entry
        operationOrder.append(id)
        persist([.saveOperation(stored(entry))])
        Task { await self.runWorkflow(id, steps: steps, spec: spec) }
        return entry.message
    }

    /// The template's jobs, checked: step ids valid and unique, prerequisites known and acyclic, jobs runnable here.
    static func steps(of template: WorkflowTemplateMessage, storage: StorageRoot) throws(APIError) -> [WorkflowStep] {
        let raw = template.jobs ?? []
        guard !raw.isEmpty else { throw .invalidArgument("a workflow template needs at least one job", field: "jobs") }
        var steps: [WorkflowStep] = []
        for (index, value) in raw.enumerated() {
            let field = "jobs[\(index)]"
            guard let object = value.objectValue else { throw .invalidArgument("\(field) must be an object", field: field) }
            for name in object.keys.sorted() where name.hasSuffix("Job") && name != "hadoopJob" {
                throw .invalidArgument("\(field).\(name) is not supported. " + HadoopJobPlan.supported, field: "\(field).\(name)")
            }
            let stepId = object["stepId"]?.textValue ?? ""
            guard (3 ... 50).contains(stepId.count), isValidJobID(stepId) else {
                throw .invalidArgument("\(field).stepId '\(stepId)' must be 3 to 50 letters, digits, '_' and '-'", field: "\(field).stepId")
            }
            guard !steps.contains(where: { $0.stepId == stepId }) else {
                throw .invalidArgument("\(field).stepId '\(stepId)' is used by another job", field: "\(field).stepId")
            }
            let job: JobMessage
            do {
                job = try JSONDecoder().decode(JobMessage.self, from: WireJSON.encode(value))
            } catch {
                throw WireJSON.describe(error)
            }
            guard let hadoop = job.hadoopJob else {
                throw .invalidArgument("\(field) has no hadoopJob. " + HadoopJobPlan.supported, field: "\(field).hadoopJob")
            }
            _ = try HadoopJobPlan(hadoop, storage: storage, field: "\(field).hadoopJob")
            let prerequisites = (object["prerequisiteStepIds"].flatMap { value -> [JSONValue]? in
                if case let .array(items) = value { return items }
                return nil
            } ?? []).compactMap(\.textValue)
            steps.append(WorkflowStep(stepId: stepId, prerequisites: prerequisites,
                                      job: JobMessage(hadoopJob: hadoop, labels: job.labels, scheduling: job.scheduling)))
        }
        let ids = Set(steps.map(\.stepId))
        for (index, step) in steps.enumerated() {
            for prerequisite in step.prerequisites where !ids.contains(prerequisite) {
                throw .invalidArgument("jobs[\(index)].prerequisiteStepIds names unknown step '\(prerequisite)'",
                                       field: "jobs[\(index)].prerequisiteStepIds")
            }
        }
        var done: Set<String> = []
        while done.count < steps.count {
            let ready = steps.filter { !done.contains($0.stepId) && $0.prerequisites.allSatisfy(done.contains) }
            guard !ready.isEmpty else {
                throw .invalidArgument("the jobs' prerequisiteStepIds form a cycle", field: "jobs")
            }
            done.formUnion(ready.map(\.stepId))
        }
        return steps
    }

    /// Changes the workflow's metadata and persists it; a change that moves a
    /// state illegally is logged and leaves the metadata as it was.
    private func updateWorkflow(_ id: String, _ change: (inout WorkflowMetadata) throws(IllegalTransition) -> Void) {
        guard var entry = operations[id], case var .workflow(metadata) = entry.message.metadata else { return }
        do {
            try change(&metadata)
        } catch {
            log(error, ["operation.id": "\(id)", "cluster.name": "\(metadata.clusterName ?? "")"])
            return
        }
        entry.message.metadata = .workflow(metadata)
        operations[id] = entry
        persist([.saveOperation(stored(entry))])
    }

    private func workflowMetadata(_ id: String) -> WorkflowMetadata? {
        if case let .workflow(metadata)? = operations[id]?.message.metadata { return metadata }
        return nil
    }

    func runWorkflow(_ id: String, steps: [WorkflowStep], spec: ClusterSpec) async {
        guard let operation = operations[id] else { return }
        let time = now.description
        updateWorkflow(id) { metadata throws(IllegalTransition) in try metadata.move(to: .running, at: time) }
        var failure = await createManagedCluster(id, key: operation.key, spec: spec)
        if failure == nil { failure = await runSteps(id, key: operation.key, steps: steps, clusterName: spec.clusterName) }
        await cancelRunningSteps(id, key: operation.key)
        if let deleteFailure = await deleteManagedCluster(id, clusterKey: operation.key.sibling(spec.clusterName)) {
            failure = failure ?? deleteFailure
        }
        let end = now.description
        updateWorkflow(id) { metadata throws(IllegalTransition) in try metadata.move(to: .done, at: end) }
        let cancelled = operations[id]?.cancelRequested == true
        finishOperation(id, error: failure.map { RPCStatusMessage(code: cancelled ? 1 : 9, message: $0) })
    }

    /// Creates the workflow's managed cluster and waits for it; returns why that failed, if it did.
    private func createManagedCluster(_ id: String, key: ResourceKey, spec: ClusterSpec) async -> String? {
        let clusterKey = key.sibling(spec.clusterName)
        do {
            let create = try createCluster(project: key.project, region: key.region, spec: spec, requestId: nil)
            let createID = String(create.name.split(separator: "/").last ?? "")
            updateWorkflow(id) { $0.createCluster = ClusterOperationReference(operationId: create.name) }
            await waitUntilDone(createID)
            let error = operations[createID]?.message.error?.message
            let uuid = clusters[clusterKey]?.uuid
            updateWorkflow(id) { metadata in
                metadata.createCluster?.done = true
                metadata.createCluster?.error = error
                metadata.clusterUuid = uuid
            }
            return error.map { "Failed to create cluster \(spec.clusterName): \($0)" }
        } catch {
            updateWorkflow(id) { $0.createCluster = ClusterOperationReference(operationId: "", done: true, error: error.message) }
            return "Failed to create cluster \(spec.clusterName): \(error.message)"
        }
    }

    /// Runs the steps in the order their ``WorkflowDAG`` decides, until every
    /// one has completed or one fails; returns the failure (a cancel is one).
    private func runSteps(_ id: String, key: ResourceKey, steps: [WorkflowStep], clusterName: String) async -> String? {
        let suffix = String(UUID().uuidString.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(13))
        var dag = WorkflowDAG(nodes: workflowMetadata(id)?.graph?.nodes ?? [])
        var actions = dag.onStart()
        do {
            while true {
                let seen = changeCount
                while !actions.isEmpty {
                    switch actions.removeFirst() {
                    case let .submit(stepId):
                        actions += try await submitStep(stepId, of: &dag, workflow: id, key: key, steps: steps, clusterName: clusterName, suffix: suffix)
                    case let .finish(failure):
                        publish(dag, workflow: id)
                        return failure
                    }
                }
                publish(dag, workflow: id)
                if operations[id]?.cancelRequested == true { return "Workflow was cancelled" }
                for (stepId, jobID) in dag.runningJobs {
                    await refreshJob(key.sibling(jobID))
                    guard let job = jobs[key.sibling(jobID)] else { continue }
                    actions += try dag.onJobEnded(stepId, state: job.state, details: job.message.status?.details)
                }
                if actions.isEmpty { await waitForChange(since: seen) }
            }
        } catch {
            log(error, ["operation.id": "\(id)"])
            publish(dag, workflow: id)
            return "Workflow stopped: \(error)"
        }
    }

    /// Submits the job of a RUNNABLE step, labelled as Dataproc labels a workflow's jobs, and tells the DAG how that went.
    private func submitStep(
        _ stepId: String, of dag: inout WorkflowDAG, workflow id: String, key: ResourceKey, steps: [WorkflowStep],
        clusterName: String, suffix: String
    ) async throws(IllegalTransition) -> [WorkflowDAG.Action] {
        guard let step = steps.first(where: { $0.stepId == stepId }) else {
            preconditionFailure("workflow \(id) has no step \(stepId)")
        }
        var job = step.job
        let jobID = "\(step.stepId)-\(suffix)"
        job.reference = JobReference(projectId: key.project, jobId: jobID)
        job.placement = JobPlacement(clusterName: clusterName)
        job.labels = (job.labels ?? [:]).merging([
            "goog-dataproc-workflow-step-id": step.stepId, "goog-dataproc-workflow-instance-id": id,
        ]) { _, new in new }
        do {
            _ = try await submit(job, project: key.project, region: key.region, requestId: nil)
        } catch {
            return try dag.onSubmitFailed(stepId, error: error.message)
        }
        return try dag.onSubmitted(stepId, jobId: jobID)
    }

    /// Shows the DAG's nodes as the workflow's graph, when they changed.
    private func publish(_ dag: WorkflowDAG, workflow id: String) {
        guard workflowMetadata(id)?.graph?.nodes != dag.nodes else { return }
        updateWorkflow(id) { $0.graph = WorkflowGraph(nodes: dag.nodes) }
    }

    /// After a failure or a cancel, cancels the jobs of the steps that still run.
    private func cancelRunningSteps(_ id: String, key: ResourceKey) async {
        for node in workflowMetadata(id)?.graph?.nodes ?? [] where node.state == .running {
            guard let jobID = node.jobId else { continue }
            do {
                _ = try await cancelJob(key.sibling(jobID))
            } catch {
                // A job that ended meanwhile cannot be cancelled, and needs not be.
                logger.warning("could not cancel a workflow step's job", metadata: [
                    "operation.id": "\(id)", "workflow.step": "\(node.stepId)", "job.id": "\(jobID)", "error": "\(error)",
                ])
            }
        }
    }

    /// Deletes the workflow's managed cluster, whatever happened; returns why that failed, if it did.
    private func deleteManagedCluster(_ id: String, clusterKey: ResourceKey) async -> String? {
        guard clusters[clusterKey] != nil else { return nil }
        while let entry = clusters[clusterKey], let busy = activeOperation(of: entry) { await waitUntilDone(busy.key.id) }
        do {
            let delete = try await deleteCluster(clusterKey, clusterUuid: nil, requestId: nil)
            updateWorkflow(id) { $0.deleteCluster = ClusterOperationReference(operationId: delete.name) }
            await waitUntilDone(String(delete.name.split(separator: "/").last ?? ""))
            updateWorkflow(id) { $0.deleteCluster?.done = true }
            return nil
        } catch {
            updateWorkflow(id) { $0.deleteCluster = ClusterOperationReference(operationId: "", done: true, error: error.message) }
            return "Failed to delete cluster \(clusterKey.id): \(error.message)"
        }
    }
}
