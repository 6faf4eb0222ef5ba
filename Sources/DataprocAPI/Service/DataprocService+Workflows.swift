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
        let nodes = steps.map { step in
            WorkflowNode(stepId: step.stepId, prerequisiteStepIds: step.prerequisites.isEmpty ? nil : step.prerequisites,
                         state: step.prerequisites.isEmpty ? "RUNNABLE" : "BLOCKED")
        }
        let metadata = WorkflowMetadata(state: "PENDING", clusterName: clusterName, graph: WorkflowGraph(nodes: nodes), startTime: now.description)
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

    private func updateWorkflow(_ id: String, _ change: (inout WorkflowMetadata) -> Void) {
        guard var entry = operations[id], case var .workflow(metadata) = entry.message.metadata else { return }
        change(&metadata)
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
        let project = operation.key.project
        let region = operation.key.region
        let clusterKey = operation.key.sibling(spec.clusterName)
        updateWorkflow(id) { $0.state = "RUNNING" }
        var failure: String?

        // 1. The managed cluster.
        do {
            let create = try createCluster(project: project, region: region, spec: spec, requestId: nil)
            let createID = String(create.name.split(separator: "/").last ?? "")
            updateWorkflow(id) { $0.createCluster = ClusterOperationReference(operationId: create.name) }
            await waitUntilDone(createID)
            let error = operations[createID]?.message.error?.message
            updateWorkflow(id) { metadata in
                metadata.createCluster?.done = true
                metadata.createCluster?.error = error
                metadata.clusterUuid = self.clusters[clusterKey]?.uuid
            }
            if let error { failure = "Failed to create cluster \(spec.clusterName): \(error)" }
        } catch {
            updateWorkflow(id) { $0.createCluster = ClusterOperationReference(operationId: "", done: true, error: error.message) }
            failure = "Failed to create cluster \(spec.clusterName): \(error.message)"
        }

        // 2. The jobs, each once its prerequisites are COMPLETED.
        let suffix = String(UUID().uuidString.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(13))
        while failure == nil {
            let seen = changeCount
            if operations[id]?.cancelRequested == true {
                failure = "Workflow was cancelled"
                break
            }
            guard var nodes = workflowMetadata(id)?.graph?.nodes else { break }
            let completed = Set(nodes.filter { $0.state == "COMPLETED" }.map(\.stepId))
            for index in nodes.indices where nodes[index].state == "RUNNING" {
                guard let jobID = nodes[index].jobId else { continue }
                let key = operation.key.sibling(jobID)
                await refreshJob(key)
                switch jobs[key]?.state {
                case "DONE"?: nodes[index].state = "COMPLETED"
                case "ERROR"?, "CANCELLED"?:
                    nodes[index].state = "FAILED"
                    nodes[index].error = jobs[key]?.message.status?.details ?? "Job \(jobID) ended \(jobs[key]?.state ?? "")"
                    failure = failure ?? "Job \(jobID) of step \(nodes[index].stepId) failed: \(nodes[index].error ?? "")"
                default: break
                }
            }
            if failure == nil {
                for index in nodes.indices where ["BLOCKED", "RUNNABLE"].contains(nodes[index].state) {
                    guard let step = steps.first(where: { $0.stepId == nodes[index].stepId }),
                          step.prerequisites.allSatisfy(completed.contains)
                    else { continue }
                    var job = step.job
                    let jobID = "\(step.stepId)-\(suffix)"
                    job.reference = JobReference(projectId: project, jobId: jobID)
                    job.placement = JobPlacement(clusterName: spec.clusterName)
                    job.labels = (job.labels ?? [:]).merging([
                        "goog-dataproc-workflow-step-id": step.stepId, "goog-dataproc-workflow-instance-id": id,
                    ]) { _, new in new }
                    do {
                        _ = try await submit(job, project: project, region: region, requestId: nil)
                        nodes[index].jobId = jobID
                        nodes[index].state = "RUNNING"
                    } catch {
                        nodes[index].state = "FAILED"
                        nodes[index].error = error.message
                        failure = "Job of step \(step.stepId) could not be submitted: \(error.message)"
                        break
                    }
                }
            }
            let finalNodes = nodes
            let moved = finalNodes != workflowMetadata(id)?.graph?.nodes
            updateWorkflow(id) { $0.graph = WorkflowGraph(nodes: finalNodes) }
            if !nodes.contains(where: { $0.state != "COMPLETED" }) { break }
            // A step that completed may unblock others at once; else wait for a job to move.
            if failure == nil, !moved { await waitForChange(since: seen) }
        }
        // A failure or a cancel stops what still runs.
        for node in workflowMetadata(id)?.graph?.nodes ?? [] where node.state == "RUNNING" {
            guard let jobID = node.jobId else { continue }
            _ = try? await cancelJob(operation.key.sibling(jobID))
        }

        // 3. The cluster goes, whatever happened.
        if clusters[clusterKey] != nil {
            while let entry = clusters[clusterKey], let busy = activeOperation(of: entry) { await waitUntilDone(busy.key.id) }
            do {
                let delete = try await deleteCluster(clusterKey, clusterUuid: nil, requestId: nil)
                updateWorkflow(id) { $0.deleteCluster = ClusterOperationReference(operationId: delete.name) }
                await waitUntilDone(String(delete.name.split(separator: "/").last ?? ""))
                updateWorkflow(id) { $0.deleteCluster?.done = true }
            } catch {
                updateWorkflow(id) { $0.deleteCluster = ClusterOperationReference(operationId: "", done: true, error: error.message) }
                failure = failure ?? "Failed to delete cluster \(spec.clusterName): \(error.message)"
            }
        }
        updateWorkflow(id) { metadata in
            metadata.state = "DONE"
            metadata.endTime = self.now.description
        }
        let cancelled = operations[id]?.cancelRequested == true
        finishOperation(id, error: failure.map { RPCStatusMessage(code: cancelled ? 1 : 9, message: $0) })
    }
}
