import Foundation

/// A gate that task code (blocking, on its own thread) waits at until a test
/// opens it, so a test can hold tasks "running" while it resizes, loses nodes
/// or advances the clock, and then let them finish. Tests await
/// `waitUntilEntered(_:)` to know the tasks have started.
public final class TaskGate: @unchecked Sendable {
    // Safe: `isOpen`, `entered` and `waiters` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var isOpen = false
    private var entered = 0
    private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    /// A closed gate.
    public init() {}

    /// Counts the caller in and blocks until the gate is open.
    public func pass() {
        condition.lock()
        entered += 1
        let ready = waiters.filter { $0.count <= entered }
        waiters.removeAll { $0.count <= entered }
        condition.unlock()
        for waiter in ready { waiter.continuation.resume() }
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    /// Opens the gate: every waiting and later caller passes.
    public func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    /// How many callers have reached the gate.
    public var enteredCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return entered
    }

    /// Waits until at least `count` callers have reached the gate.
    public func waitUntilEntered(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            if entered >= count {
                condition.unlock()
                continuation.resume()
            } else {
                waiters.append((count, continuation))
                condition.unlock()
            }
        }
    }
}
