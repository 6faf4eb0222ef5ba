import ResourceManager
import Testing

@Suite("FIFO queue")
struct QueueTests {
    @Test("requests are served in arrival order across applications")
    func fifoAcrossApplications() throws {
        var rm = CheckedState()
        _ = try rm.addNodes(1, memoryMB: 65536, vcores: 64)
        let first = rm.state.submitApplication(name: "first")
        let second = rm.state.submitApplication(name: "second")
        let a = try rm.apply { try $0.requestContainers(2, of: Resources(memoryMB: 1024, vcores: 1), for: first) }
        let b = try rm.apply { try $0.requestContainers(2, of: Resources(memoryMB: 2048, vcores: 1), for: second) }
        let c = try rm.apply { try $0.requestContainers(1, of: Resources(memoryMB: 512, vcores: 1), for: first) }
        let placed = try rm.apply { $0.schedule() }
        #expect(placed.map(\.requestID) == [a, a, b, b, c])
        #expect(placed.map(\.applicationID) == [first, first, second, second, first])
        #expect(a < b && b < c)
    }

    @Test("a head that does not fit blocks smaller requests behind it")
    func headOfLineBlocking() throws {
        var rm = CheckedState()
        _ = try rm.addNodes(1, memoryMB: 8192, vcores: 8)
        let holder = rm.state.submitApplication(name: "holder")
        let big = rm.state.submitApplication(name: "big")
        let small = rm.state.submitApplication(name: "small")
        let held = try rm.run(1, memoryMB: 6144, for: holder)
        #expect(held.count == 1)

        _ = try rm.apply { try $0.requestContainers(1, of: Resources(memoryMB: 4096, vcores: 1), for: big) }
        _ = try rm.apply { try $0.requestContainers(1, of: Resources(memoryMB: 1024, vcores: 1), for: small) }
        #expect(try rm.apply { $0.schedule() } == [])
        #expect(rm.metrics["yarn-containers-pending"] == 2)
        #expect(rm.metrics["yarn-memory-mb-pending"] == 5120)

        try rm.apply { try $0.releaseContainer(held[0].id) }
        let placed = try rm.apply { $0.schedule() }
        #expect(placed.map(\.applicationID) == [big, small])
        #expect(rm.metrics["yarn-containers-pending"] == 0)
    }

    @Test("a partly placed head stays at the head and is finished first after a release")
    func partlyPlacedHead() throws {
        var rm = CheckedState()
        _ = try rm.addNodes(1, memoryMB: 8192, vcores: 8)
        let maps = rm.state.submitApplication(name: "maps")
        let other = rm.state.submitApplication(name: "other")
        let placed = try rm.run(5, memoryMB: 2048, for: maps)
        #expect(placed.count == 4)
        _ = try rm.apply { try $0.requestContainers(1, of: Resources(memoryMB: 1024, vcores: 1), for: other) }
        #expect(try rm.apply { $0.schedule() } == [])

        try rm.apply { try $0.releaseContainer(placed[0].id) }
        let next = try rm.apply { $0.schedule() }
        #expect(next.map(\.applicationID) == [maps])
        #expect(rm.metrics["yarn-containers-pending"] == 1)
        #expect(rm.state.application(other)?.pendingContainers == 1)
    }

    @Test("the requests of an ended application leave the queue")
    func endedApplicationSkipped() throws {
        var rm = CheckedState()
        _ = try rm.addNodes(1, memoryMB: 4096, vcores: 4)
        let blocker = rm.state.submitApplication(name: "blocker")
        let waiting = rm.state.submitApplication(name: "waiting")
        _ = try rm.apply { try $0.requestContainers(1, of: Resources(memoryMB: 8192, vcores: 1), for: blocker) }
        _ = try rm.apply { try $0.requestContainers(2, of: Resources(memoryMB: 1024, vcores: 1), for: waiting) }
        #expect(try rm.apply { $0.schedule() } == [])

        let end = try rm.apply { try $0.endApplication(blocker, as: .killed) }
        #expect(end.droppedPendingContainers == 1)
        #expect(end.releasedContainers == [])
        let placed = try rm.apply { $0.schedule() }
        #expect(placed.map(\.applicationID) == [waiting, waiting])
    }

    @Test("a request larger than every node waits until a large enough node joins")
    func oversizedWaitsForNode() throws {
        var rm = CheckedState()
        _ = try rm.addNodes(2, memoryMB: 4096, vcores: 4)
        let app = rm.state.submitApplication(name: "job")
        #expect(try rm.run(1, memoryMB: 6000, for: app) == [])
        let large = try rm.apply { try $0.addNode(name: "large", capacity: Resources(memoryMB: 16384, vcores: 4)) }
        let placed = try rm.apply { $0.schedule() }
        #expect(placed.map(\.nodeID) == [large])
    }

    @Test("scheduling with no nodes places nothing and keeps everything pending")
    func noNodes() throws {
        var rm = CheckedState()
        let app = rm.state.submitApplication(name: "job")
        #expect(try rm.run(3, memoryMB: 1024, for: app) == [])
        #expect(rm.metrics == yarnMetrics([
            "yarn-apps-submitted": 1, "yarn-apps-pending": 1,
            "yarn-containers-pending": 3, "yarn-memory-mb-pending": 3072, "yarn-vcores-pending": 3,
        ]))
    }
}
