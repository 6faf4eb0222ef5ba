@testable import Cluster
import Testing

@Suite struct IllegalTransitionTests {
    /// Every (from, to) pair the job state machine forbids.
    static let illegalJobMoves: [(JobState, JobState)] = JobState.allCases.flatMap { from in
        JobState.allCases.filter { !from.canMove(to: $0) }.map { (from, $0) }
    }

    static func job(in state: JobState) -> JobRecord {
        JobRecord(
            id: "wordcount-1", uuid: "uuid-1", name: "wordcount",
            status: JobStatus(state: state, stateStartTime: GoogleTimestamp(seconds: 1)), log: JobLog(listener: nil)
        )
    }

    @Test(arguments: illegalJobMoves)
    func anIllegalJobMoveThrowsNamingTheJobAndBothStatesAndChangesNothing(from: JobState, to: JobState) {
        var record = Self.job(in: from)
        let error = #expect(throws: ClusterError.self) {
            try record.move(to: to, at: GoogleTimestamp(seconds: 2))
        }
        #expect(error == .illegalJobTransition(job: "wordcount-1", from: from, to: to))
        let message = error?.description ?? ""
        #expect(message.contains("job 'wordcount-1'"))
        #expect(message.contains("from \(from) to \(to)"))
        #expect(record.status == JobStatus(state: from, stateStartTime: GoogleTimestamp(seconds: 1)))
        #expect(record.history.isEmpty)
    }

    @Test func aLegalJobMoveKeepsTheOldStatusInTheHistory() throws {
        var record = Self.job(in: .pending)
        try record.move(to: .setupDone, at: GoogleTimestamp(seconds: 2))
        #expect(record.status.state == .setupDone)
        #expect(record.history.map(\.state) == [.pending])
    }

    static func operation() -> ClusterOperation {
        ClusterOperation(
            id: "op-1", clusterName: "etl", clusterUuid: "uuid", operationType: .delete,
            description: "Delete cluster", at: GoogleTimestamp(seconds: 1)
        )
    }

    @Test func anOperationFinishedTwiceThrowsAndKeepsItsFirstResult() throws {
        var operation = Self.operation()
        try operation.finish(at: GoogleTimestamp(seconds: 2))
        let done = operation
        #expect(throws: ClusterError.illegalOperationTransition(operation: "op-1", from: .done, to: .done)) {
            try operation.finish(error: OperationError(code: 13, message: "late"), at: GoogleTimestamp(seconds: 3))
        }
        #expect(operation == done)
        #expect(operation.error == nil)
    }

    @Test func anOperationStartedTwiceThrows() throws {
        var operation = ClusterOperation.started(
            id: "op-2", clusterName: "etl", clusterUuid: "uuid", operationType: .create,
            description: "Create cluster with 2 workers", at: GoogleTimestamp(seconds: 1)
        )
        #expect(operation.status.state == .running)
        #expect(operation.statusHistory.map(\.state) == [.pending])
        #expect(throws: ClusterError.illegalOperationTransition(operation: "op-2", from: .running, to: .running)) {
            try operation.markRunning(at: GoogleTimestamp(seconds: 2))
        }
        #expect(operation.statusHistory.map(\.state) == [.pending])
    }

    @Test func finishingAPendingOperationPassesThroughRunning() throws {
        var operation = Self.operation()
        try operation.finish(at: GoogleTimestamp(seconds: 2))
        #expect(operation.done)
        #expect(operation.statusHistory.map(\.state) == [.pending, .running])
    }

    @Test func theErrorMessageSaysWhatToDo() {
        let message = ClusterError.illegalOperationTransition(operation: "op-1", from: .done, to: .done).description
        #expect(message == "operation 'op-1' cannot move from DONE to DONE; an operation moves PENDING → RUNNING → DONE once: start and finish it exactly once")
    }
}
