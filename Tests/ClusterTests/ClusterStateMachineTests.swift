import Cluster
import Foundation
import ResourceManager
import Testing

@Suite struct ClusterStateMachineTests {
    static let legal: [(ClusterState, ClusterState)] = [
        (.creating, .running), (.creating, .error), (.creating, .deleting),
        (.running, .updating), (.running, .stopping), (.running, .deleting), (.running, .error),
        (.updating, .running), (.updating, .deleting), (.stopping, .stopped), (.stopped, .starting),
        (.stopped, .deleting), (.starting, .running), (.error, .deleting),
    ]

    @Test func onlyListedTransitionsAreLegal() {
        for from in ClusterState.allCases {
            for to in ClusterState.allCases {
                let expected = Self.legal.contains { $0 == (from, to) } || (from == .updating && to == .error)
                    || (from == .stopping && to == .error) || (from == .starting && to == .error)
                #expect(from.canMove(to: to) == expected, "\(from) → \(to)")
            }
        }
    }

    @Test func anIllegalTransitionThrowsAndChangesNothing() throws {
        var lifecycle = ClusterLifecycle(clusterName: "etl", createdAt: GoogleTimestamp(seconds: 100))
        #expect(throws: ClusterError.illegalTransition(cluster: "etl", from: .creating, to: .stopped)) {
            try lifecycle.move(to: .stopped, at: GoogleTimestamp(seconds: 101))
        }
        #expect(lifecycle.state == .creating)
        #expect(lifecycle.history.isEmpty)
        try lifecycle.move(to: .running, at: GoogleTimestamp(seconds: 102))
        try lifecycle.move(to: .deleting, detail: "bye", at: GoogleTimestamp(seconds: 103))
        #expect(lifecycle.history.map(\.state) == [.creating, .running])
        #expect(lifecycle.history.map(\.stateStartTime) == [GoogleTimestamp(seconds: 100), GoogleTimestamp(seconds: 102)])
        #expect(lifecycle.status == ClusterStatus(state: .deleting, detail: "bye", stateStartTime: GoogleTimestamp(seconds: 103)))
    }

    @Test func jobStatesOnlyMoveForward() {
        #expect(JobState.pending.canMove(to: .setupDone))
        #expect(JobState.running.canMove(to: .done))
        #expect(JobState.running.canMove(to: .cancelPending))
        #expect(JobState.cancelPending.canMove(to: .cancelled))
        #expect(!JobState.done.canMove(to: .error))
        #expect(!JobState.running.canMove(to: .pending))
        #expect(!JobState.pending.canMove(to: .done))
    }

    @Test func lifecycleTimersDecideDeletion() {
        let origin = Date(timeIntervalSince1970: 1_000_000)
        let date: (ClusterInstant) -> Date = { origin.addingTimeInterval($0.seconds) }
        let at = { (seconds: Int64) in ClusterInstant(sinceOrigin: .seconds(seconds)) }
        let idle = LifecycleTimers(config: LifecycleConfig(idleDeleteTtl: GoogleDuration(seconds: 600)), createdAt: at(0))
        #expect(idle.deletionDue(now: at(699), idleSince: at(100), date: date) == nil)
        #expect(idle.deletionDue(now: at(700), idleSince: at(100), date: date) != nil)
        #expect(idle.deletionDue(now: at(10_000), idleSince: nil, date: date) == nil)
        #expect(idle.nextDeadline(idleSince: at(100), now: at(200), date: date) == at(700))

        let age = LifecycleTimers(config: LifecycleConfig(autoDeleteTtl: GoogleDuration(seconds: 3600)), createdAt: at(10))
        #expect(age.deletionDue(now: at(3609), idleSince: nil, date: date) == nil)
        #expect(age.deletionDue(now: at(3610), idleSince: nil, date: date) != nil)

        let time = LifecycleTimers(
            config: LifecycleConfig(autoDeleteTime: GoogleTimestamp(origin.addingTimeInterval(1200))), createdAt: at(0)
        )
        #expect(time.deletionDue(now: at(1199), idleSince: nil, date: date) == nil)
        #expect(time.deletionDue(now: at(1200), idleSince: nil, date: date) != nil)
        #expect(time.nextDeadline(idleSince: nil, now: at(200), date: date) == at(1200))
    }
}
