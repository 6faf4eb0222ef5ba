import Synchronization

/// A job's driver output and the progress of its YARN applications, written
/// from the threads that run its tasks and read by the cluster actor.
final class JobLog: Sendable {
    private struct State {
        var lines: [String] = []
        var progress: [String: Double] = [:]
    }

    private let state = Mutex(State())
    private let listener: (@Sendable (String) -> Void)?

    init(listener: (@Sendable (String) -> Void)?) { self.listener = listener }

    func append(_ line: String) {
        state.withLock { $0.lines.append(line) }
        listener?(line)
    }

    var lines: [String] { state.withLock { $0.lines } }

    func setProgress(_ value: Double, application: String) {
        state.withLock { $0.progress[application] = value }
    }

    func progress(application: String) -> Double { state.withLock { $0.progress[application] ?? 0 } }
}
