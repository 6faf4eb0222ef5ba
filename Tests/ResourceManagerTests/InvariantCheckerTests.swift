@testable import ResourceManager
import Testing

/// The invariant checker guards every other test, so it must itself catch
/// corruption; these tests break the state on purpose through internals.
@Suite("Invariant checker")
struct InvariantCheckerTests {
    static func busyState() throws -> ResourceManagerState {
        var state = ResourceManagerState()
        _ = try state.addNode(name: "w-0", capacity: Resources(memoryMB: 8192, vcores: 4))
        _ = try state.addNode(name: "w-1", capacity: Resources(memoryMB: 8192, vcores: 4))
        let app = state.submitApplication(name: "job")
        _ = try state.requestContainers(5, of: Resources(memoryMB: 2048, vcores: 1), for: app)
        _ = state.schedule()
        return state
    }

    @Test("a consistent state has no violations")
    func consistent() throws {
        #expect(try Self.busyState().invariantViolations() == [])
    }

    @Test(
        "each kind of corruption is reported",
        arguments: ["node allocation", "over capacity", "running totals", "pending", "placement tree", "container list"]
    )
    func corruptionReported(kind: String) throws {
        var state = try Self.busyState()
        switch kind {
        case "node allocation": state.nodes[0].allocated.memoryMB += 1
        case "over capacity": state.nodes[0].capacity = Resources(memoryMB: 1024, vcores: 4)
        case "running totals": state.totals.runningAllocated.vcores -= 1
        case "pending": state.totals.pendingContainers += 1
        case "placement tree": state.placementTree.update(slot: 1, free: Resources(memoryMB: 8192, vcores: 4))
        default: state.nodes[1].firstContainer = -1
        }
        #expect(!state.invariantViolations().isEmpty)
    }
}
