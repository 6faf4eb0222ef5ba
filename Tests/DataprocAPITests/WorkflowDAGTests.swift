import Cluster
@testable import DataprocAPI
import Testing

@Suite struct WorkflowDAGTests {
    /// a → (b, c) → d: a diamond.
    private func diamond() -> WorkflowDAG {
        WorkflowDAG(steps: [
            WorkflowStep(stepId: "a", prerequisites: [], job: JobMessage()),
            WorkflowStep(stepId: "b", prerequisites: ["a"], job: JobMessage()),
            WorkflowStep(stepId: "c", prerequisites: ["a"], job: JobMessage()),
            WorkflowStep(stepId: "d", prerequisites: ["b", "c"], job: JobMessage()),
        ])
    }

    private func states(_ dag: WorkflowDAG) -> [WorkflowNodeState] { dag.nodes.map(\.state) }

    @Test func stepsRunOnceTheirPrerequisitesCompleteAndTheWorkflowFinishesWhenAllHave() throws {
        var dag = diamond()
        #expect(states(dag) == [.runnable, .blocked, .blocked, .blocked])
        #expect(dag.onStart() == [.submit(stepId: "a")])
        #expect(try dag.onSubmitted("a", jobId: "a-1") == [])
        #expect(try dag.onJobEnded("a", state: .running, details: nil) == [])
        #expect(try dag.onJobEnded("a", state: .done, details: nil) == [.submit(stepId: "b"), .submit(stepId: "c")])
        #expect(try dag.onSubmitted("b", jobId: "b-1") == [])
        #expect(try dag.onSubmitted("c", jobId: "c-1") == [])
        #expect(dag.runningJobs.map(\.jobId) == ["b-1", "c-1"])
        // d waits for both.
        #expect(try dag.onJobEnded("c", state: .done, details: nil) == [])
        #expect(try dag.onJobEnded("b", state: .done, details: nil) == [.submit(stepId: "d")])
        #expect(try dag.onSubmitted("d", jobId: "d-1") == [])
        #expect(try dag.onJobEnded("d", state: .done, details: nil) == [.finish(failure: nil)])
        #expect(states(dag) == [.completed, .completed, .completed, .completed])
    }

    @Test(arguments: [JobState.error, .cancelled])
    func aStepWhoseJobFailsFailsTheWorkflowAndItsDependentsStayBlocked(state: JobState) throws {
        var dag = diamond()
        _ = try dag.onSubmitted("a", jobId: "a-1")
        _ = try dag.onJobEnded("a", state: .done, details: nil)
        _ = try dag.onSubmitted("b", jobId: "b-1")
        _ = try dag.onSubmitted("c", jobId: "c-1")
        #expect(try dag.onJobEnded("b", state: state, details: "boom") == [.finish(failure: "Job b-1 of step b failed: boom")])
        #expect(states(dag) == [.completed, .failed, .running, .blocked])
        #expect(dag.nodes[1].error == "boom")
    }

    @Test func aStepWhoseJobCannotBeSubmittedFailsTheWorkflow() throws {
        var dag = diamond()
        #expect(try dag.onSubmitFailed("a", error: "no cluster") == [.finish(failure: "Job of step a could not be submitted: no cluster")])
        #expect(states(dag) == [.failed, .blocked, .blocked, .blocked])
    }

    @Test func aStepCannotRunTwiceNorCompleteBeforeItRuns() throws {
        var dag = diamond()
        _ = try dag.onSubmitted("a", jobId: "a-1")
        #expect(throws: IllegalTransition.self) { try dag.onSubmitted("a", jobId: "a-2") }
        #expect(throws: IllegalTransition.self) { try dag.onJobEnded("b", state: .done, details: nil) }
    }

    @Test func independentRootsAllStartAtOnce() {
        let dag = WorkflowDAG(steps: ["x", "y", "z"].map { WorkflowStep(stepId: $0, prerequisites: [], job: JobMessage()) })
        #expect(dag.onStart() == [.submit(stepId: "x"), .submit(stepId: "y"), .submit(stepId: "z")])
    }
}
