import Cluster
@testable import DataprocAPI
import Foundation
import ResourceManager
import Testing

/// One enum's raw values beside the names Dataproc (or YARN) gives its values.
struct EnumSpellings: Sendable, CustomTestStringConvertible {
    var name: String
    var rawValues: [String]
    var dataproc: [String]
    var testDescription: String { name }
}

@Suite struct StateSpellingTests {
    static let tables: [EnumSpellings] = [
        .init(name: "JobState", rawValues: JobState.allCases.map(\.rawValue),
              dataproc: ["PENDING", "SETUP_DONE", "RUNNING", "CANCEL_PENDING", "CANCELLED", "DONE", "ERROR"]),
        .init(name: "JobSubstate", rawValues: JobSubstate.allCases.map(\.rawValue),
              dataproc: ["UNSPECIFIED", "SUBMITTED", "QUEUED", "STALE_STATUS"]),
        .init(name: "ClusterState", rawValues: ClusterState.allCases.map(\.rawValue),
              dataproc: ["CREATING", "RUNNING", "UPDATING", "STOPPING", "STOPPED", "STARTING", "DELETING", "ERROR"]),
        .init(name: "ClusterStateGroup", rawValues: ClusterStateGroup.allCases.map(\.rawValue), dataproc: ["ACTIVE", "INACTIVE"]),
        .init(name: "OperationState", rawValues: OperationState.allCases.map(\.rawValue), dataproc: ["PENDING", "RUNNING", "DONE"]),
        .init(name: "ApplicationState", rawValues: ApplicationState.allCases.map(\.rawValue),
              dataproc: ["ACCEPTED", "RUNNING", "FINISHED", "FAILED", "KILLED"]),
        .init(name: "WorkflowState", rawValues: WorkflowState.allCases.map(\.rawValue), dataproc: ["PENDING", "RUNNING", "DONE"]),
        .init(name: "WorkflowNodeState", rawValues: WorkflowNodeState.allCases.map(\.rawValue),
              dataproc: ["BLOCKED", "RUNNABLE", "RUNNING", "COMPLETED", "FAILED"]),
        .init(name: "StateMatcher", rawValues: StateMatcher.allCases.map(\.rawValue), dataproc: ["ALL", "ACTIVE", "NON_ACTIVE"]),
    ]

    @Test(arguments: tables)
    func everyStateIsSpelledAsDataprocSpellsIt(_ table: EnumSpellings) {
        #expect(table.rawValues == table.dataproc)
    }

    @Test func messagesWriteAndReadTheirStatesAsTheseSpellings() throws {
        let job = JobStatusMessage(state: .cancelPending, stateStartTime: "t", substate: .queued)
        let jobJSON = try String(decoding: WireJSON.encode(job), as: UTF8.self)
        #expect(jobJSON.contains(#""state":"CANCEL_PENDING""#) && jobJSON.contains(#""substate":"QUEUED""#))
        #expect(try JSONDecoder().decode(JobStatusMessage.self, from: Data(jobJSON.utf8)) == job)
        let node = WorkflowNode(stepId: "step", state: .runnable)
        #expect(try String(decoding: WireJSON.encode(node), as: UTF8.self).contains(#""state":"RUNNABLE""#))
        let application = YarnApplicationMessage(name: "word count", state: .finished)
        #expect(try String(decoding: WireJSON.encode(application), as: UTF8.self).contains(#""state":"FINISHED""#))
        let operation = OperationStatusMessage(state: .done, innerState: "DONE", stateStartTime: "t")
        #expect(try JSONDecoder().decode(OperationStatusMessage.self, from: WireJSON.encode(operation)) == operation)
    }

    @Test func aStateThatIsNotDataprocsIsRefusedNamingTheField() {
        let body = Data(#"{"status":{"state":"FINISHED"}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JobMessage.self, from: body) }
        do {
            _ = try JSONDecoder().decode(JobMessage.self, from: body)
        } catch {
            #expect(WireJSON.describe(error).fieldViolations.map(\.field) == ["status.state"])
        }
    }

    @Test(arguments: [
        ("ALL", StateMatcher.all), ("0", .all), ("ACTIVE", .active), ("1", .active), ("NON_ACTIVE", .nonActive), ("2", .nonActive),
    ])
    func aMatcherIsReadByNameOrByNumber(text: String, matcher: StateMatcher) {
        #expect(StateMatcher(wire: text) == matcher)
    }

    @Test(arguments: ["3", "active", "", "INACTIVE"])
    func anythingElseIsNoMatcher(text: String) {
        #expect(StateMatcher(wire: text) == nil)
    }

    @Test(arguments: [
        (ClusterState.creating, ["CREATING", "ACTIVE"]), (.running, ["RUNNING", "ACTIVE"]), (.updating, ["UPDATING", "ACTIVE"]),
        (.stopping, ["STOPPING", "INACTIVE"]), (.stopped, ["STOPPED", "INACTIVE"]), (.deleting, ["DELETING", "INACTIVE"]),
        (.error, ["ERROR", "INACTIVE"]), (.starting, ["STARTING"]),
    ])
    func aClusterFilterMatchesTheStateAndItsGroup(state: ClusterState, values: [String]) {
        #expect(state.filterValues == values)
    }
}
