import Foundation
import Synchronization

/// The clock every time-dependent part of a cluster reads: TTLs, graceful
/// decommission timeouts, autoscaler cooldowns, heartbeats.
public protocol ClusterClock: Sendable {
    /// The current instant.
    var now: ClusterInstant { get }
    /// Suspends until `deadline` (at once if it has passed); throws `CancellationError` if cancelled.
    func sleep(until deadline: ClusterInstant) async throws
    /// The wall-clock date of `instant`, for timestamps shown to users.
    func date(of instant: ClusterInstant) -> Date
}

extension ClusterClock {
    /// Suspends for `duration` of this clock's time.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now + duration)
    }
}

/// Real time: instants advance with the machine's monotonic clock.
public struct SystemClusterClock: ClusterClock {
    private let start = ContinuousClock.now
    private let startDate = Date()

    /// A clock whose origin is now.
    public init() {}

    public var now: ClusterInstant { ClusterInstant(sinceOrigin: ContinuousClock.now - start) }

    public func sleep(until deadline: ClusterInstant) async throws {
        try await Task.sleep(until: start + deadline.sinceOrigin, clock: .continuous)
    }

    public func date(of instant: ClusterInstant) -> Date { startDate.addingTimeInterval(instant.seconds) }
}

/// Time that moves only when a test or a simulation says so: `advance(by:)`
/// wakes every sleeper whose deadline has come, in deadline order.
public final class ManualClusterClock: ClusterClock {
    private struct Sleeper {
        var id: Int
        var deadline: ClusterInstant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = ClusterInstant.origin
        var sleepers: [Sleeper] = []
        var nextID = 0
        /// Who waits for at least `count` sleepers.
        var sleeperWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

        /// Takes the waiters that the sleepers now satisfy.
        mutating func satisfiedWaiters() -> [CheckedContinuation<Void, Never>] {
            let ready = sleeperWaiters.filter { $0.count <= sleepers.count }.map(\.continuation)
            sleeperWaiters.removeAll { $0.count <= sleepers.count }
            return ready
        }
    }

    private let state = Mutex(State())
    private let originDate: Date

    /// A manual clock at its origin, which corresponds to `originDate`.
    public init(originDate: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        self.originDate = originDate
    }

    public var now: ClusterInstant { state.withLock { $0.now } }

    public func date(of instant: ClusterInstant) -> Date { originDate.addingTimeInterval(instant.seconds) }

    /// The number of tasks sleeping on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// The earliest deadline anyone sleeps until, if any.
    public var nextDeadline: ClusterInstant? { state.withLock { $0.sleepers.map(\.deadline).min() } }

    public func sleep(until deadline: ClusterInstant) async throws {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (ready, satisfied) = state.withLock { state -> (Bool, [CheckedContinuation<Void, Never>]) in
                    if deadline <= state.now { return (true, []) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return (false, state.satisfiedWaiters())
                }
                if ready { continuation.resume() }
                for waiter in satisfied { waiter.resume() }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Waits until at least `count` tasks sleep on this clock: after an
    /// `advance`, until the tasks it woke have done their work and gone back
    /// to sleep — a test's way to let due work settle without sleeping itself.
    public func waitForSleepers(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.sleepers.count >= count { return true }
                state.sleeperWaiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Moves time forward by `duration`, waking sleepers whose deadlines are reached.
    public func advance(by duration: Duration) {
        advance(to: now + duration)
    }

    /// Moves time forward to `instant` (never backward), waking sleepers in deadline order.
    public func advance(to instant: ClusterInstant) {
        let due = state.withLock { state -> [Sleeper] in
            if instant > state.now { state.now = instant }
            let due = state.sleepers.filter { $0.deadline <= state.now }.sorted { $0.deadline < $1.deadline || ($0.deadline == $1.deadline && $0.id < $1.id) }
            state.sleepers.removeAll { $0.deadline <= state.now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }
}
