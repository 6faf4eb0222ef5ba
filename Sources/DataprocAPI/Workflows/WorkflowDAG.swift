import Cluster

/// The order in which a workflow's steps run, as a pure value: events in
/// (started, a job submitted or refused, a job ended), actions out (submit a
/// step's job, finish the workflow). Its nodes are the `WorkflowGraph` the
/// workflow's metadata shows; the executor only carries the actions out.
///
/// A step is RUNNABLE once every prerequisite has COMPLETED; the first step
/// that fails, or whose job cannot be submitted, finishes the workflow with
/// that failure; when every step has COMPLETED the workflow finishes without one.
struct WorkflowDAG: Sendable, Hashable {
    /// What the executor does next.
    enum Action: Sendable, Hashable {
        /// Submit the job of this RUNNABLE step.
        case submit(stepId: String)
        /// The workflow is over: every step COMPLETED (`nil`), or why it failed.
        case finish(failure: String?)
    }

    /// The steps, in the template's order.
    private(set) var nodes: [WorkflowNode]

    /// The graph of `steps`: those without prerequisites RUNNABLE, the others BLOCKED.
    init(steps: [WorkflowStep]) {
        nodes = steps.map { step in
            WorkflowNode(stepId: step.stepId, prerequisiteStepIds: step.prerequisites.isEmpty ? nil : step.prerequisites,
                         state: step.prerequisites.isEmpty ? .runnable : .blocked)
        }
    }

    /// A graph as a workflow's metadata holds it.
    init(nodes: [WorkflowNode]) { self.nodes = nodes }

    /// The steps whose jobs run, with their job ids.
    var runningJobs: [(stepId: String, jobId: String)] {
        nodes.compactMap { node in node.state == .running ? node.jobId.map { (node.stepId, $0) } : nil }
    }

    /// The workflow starts: submit every RUNNABLE step.
    func onStart() -> [Action] {
        nodes.filter { $0.state == .runnable }.map { .submit(stepId: $0.stepId) }
    }

    /// The job of `stepId` was submitted as `jobId`: the step is RUNNING.
    mutating func onSubmitted(_ stepId: String, jobId: String) throws(IllegalTransition) -> [Action] {
        let index = self.index(of: stepId)
        try nodes[index].move(to: .running)
        nodes[index].jobId = jobId
        return []
    }

    /// The job of `stepId` could not be submitted: the step FAILED, and so does the workflow.
    mutating func onSubmitFailed(_ stepId: String, error: String) throws(IllegalTransition) -> [Action] {
        try nodes[self.index(of: stepId)].move(to: .failed, error: error)
        return [.finish(failure: "Job of step \(stepId) could not be submitted: \(error)")]
    }

    /// The job of `stepId` ended in `state`: DONE completes the step and makes
    /// the steps it unblocks RUNNABLE; ERROR or CANCELLED fails it and the workflow.
    /// A state that is not final changes nothing.
    mutating func onJobEnded(_ stepId: String, state: JobState, details: String?) throws(IllegalTransition) -> [Action] {
        let index = self.index(of: stepId)
        let jobID = nodes[index].jobId ?? ""
        switch state {
        case .done:
            try nodes[index].move(to: .completed)
            return try unblocked()
        case .error, .cancelled:
            let error = details ?? "Job \(jobID) ended \(state)"
            try nodes[index].move(to: .failed, error: error)
            return [.finish(failure: "Job \(jobID) of step \(stepId) failed: \(error)")]
        case .pending, .setupDone, .running, .cancelPending:
            return []
        }
    }

    /// Makes RUNNABLE every BLOCKED step whose prerequisites have all completed,
    /// and submits it; finishes the workflow once every step has completed.
    private mutating func unblocked() throws(IllegalTransition) -> [Action] {
        if nodes.allSatisfy({ $0.state == .completed }) { return [.finish(failure: nil)] }
        let completed = Set(nodes.filter { $0.state == .completed }.map(\.stepId))
        var actions: [Action] = []
        for index in nodes.indices where nodes[index].state == .blocked
            && (nodes[index].prerequisiteStepIds ?? []).allSatisfy(completed.contains) {
            try nodes[index].move(to: .runnable)
            actions.append(.submit(stepId: nodes[index].stepId))
        }
        return actions
    }

    /// - Precondition: the workflow has a step `stepId` (the executor only names steps its actions named).
    private func index(of stepId: String) -> Int {
        guard let index = nodes.firstIndex(where: { $0.stepId == stepId }) else {
            preconditionFailure("the workflow has no step \(stepId); name a step of its actions")
        }
        return index
    }
}
