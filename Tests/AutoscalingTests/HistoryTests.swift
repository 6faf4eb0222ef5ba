import Autoscaling
import Foundation
import Testing

@Suite struct HistoryTests {
    @Test func entryCarriesTheDecisionAndItsAverages() {
        let decision = makePolicy(scaleUpFactor: 0.5).decideScaling(window: window(exactDelta: 5), shape: shape(2))
        let entry = ScalingHistoryEntry(
            time: Date(timeIntervalSince1970: 1_700_000_300), decision: decision, outcome: .inProgress(operationName: "op-1"))
        #expect(entry.averages == decision.averages)
        #expect(entry.averages.pendingMemoryMB == 61_440)
    }

    @Test(arguments: [
        ScalingOutcome.noChange,
        .inProgress(operationName: "projects/demo/regions/r/operations/1"),
        .succeeded(operationName: "projects/demo/regions/r/operations/1"),
        .failed(operationName: nil, message: "cluster is not RUNNING"),
    ])
    func entryRoundTripsThroughJSON(outcome: ScalingOutcome) throws {
        let decision = makePolicy().decideScaling(window: window(exactDelta: -3), shape: shape(8))
        let entry = ScalingHistoryEntry(time: Date(timeIntervalSince1970: 1_700_000_000), decision: decision, outcome: outcome)
        let decoded = try JSONDecoder().decode(ScalingHistoryEntry.self, from: JSONEncoder().encode(entry))
        #expect(decoded == entry)
    }

    @Test func decisionReportsPerGroupChanges() {
        let policy = makePolicy(primary: .init(maxInstances: 4), secondary: .init(maxInstances: 10))
        let decision = policy.decideScaling(window: window(exactDelta: 6), shape: shape(2, 0))
        #expect(decision.primaryChange == 2)
        #expect(decision.secondaryChange == 4)
    }
}
