import Cluster
@testable import DataprocAPI
import Testing

@Suite struct StateTransitionTests {
    @Test(arguments: [
        (WorkflowNodeState.blocked, WorkflowNodeState.runnable, true), (.runnable, .running, true), (.runnable, .failed, true),
        (.running, .completed, true), (.running, .failed, true),
        (.blocked, .running, false), (.blocked, .failed, false), (.completed, .failed, false), (.failed, .running, false),
        (.running, .runnable, false), (.completed, .completed, false),
    ])
    func aWorkflowStepMovesOnlyForward(from: WorkflowNodeState, to: WorkflowNodeState, allowed: Bool) {
        #expect(from.canMove(to: to) == allowed)
    }

    @Test(arguments: [
        (WorkflowState.pending, WorkflowState.running, true), (.pending, .done, true), (.running, .done, true),
        (.running, .pending, false), (.done, .running, false), (.done, .done, false),
    ])
    func aWorkflowMovesOnlyForward(from: WorkflowState, to: WorkflowState, allowed: Bool) {
        #expect(from.canMove(to: to) == allowed)
    }

    @Test(arguments: [
        (OperationState.pending, OperationState.running, true), (.running, .done, true),
        (.pending, .done, false), (.done, .running, false), (.done, .done, false), (.running, .pending, false),
    ])
    func anOperationMovesOneStepForward(from: OperationState, to: OperationState, allowed: Bool) {
        #expect(from.canMove(to: to) == allowed)
    }

    @Test func anEndedJobRefusesToMoveAndStaysAsItWas() throws {
        var job = JobMessage(reference: JobReference(projectId: "p", jobId: "j1"))
        try job.move(to: .cancelPending, at: "t1")
        try job.move(to: .cancelled, details: "by request", at: "t2")
        #expect(job.done == true)
        #expect(job.statusHistory?.map(\.state) == [.cancelPending])
        let ended = job
        #expect(throws: IllegalTransition("job j1", from: JobState.cancelled, to: JobState.error)) {
            try job.move(to: .error, at: "t3")
        }
        #expect(job == ended)
    }

    @Test func finishingAPendingOperationPassesThroughRunning() throws {
        var metadata = ClusterOperationMetadata(
            clusterName: "c1", clusterUuid: "u", operationType: "CREATE", description: "d",
            status: OperationStatusMessage(state: .pending, innerState: "PENDING", stateStartTime: "t0"))
        try metadata.finish(details: nil, at: "t1")
        #expect(metadata.status.state == .done)
        #expect(metadata.statusHistory?.map(\.state) == [.pending, .running])
        #expect(throws: IllegalTransition.self) { try metadata.finish(details: nil, at: "t2") }
    }
}
