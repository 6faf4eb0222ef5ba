import Synchronization

/// Combines per-task progress into job progress and reports each change of a
/// whole percentage, so the callback fires at most about 200 times per job.
final class ProgressTracker: Sendable {
    private struct State {
        var maps: [Double]
        var reduces: [Double]
        var last = JobProgress(map: -1, reduce: -1)
    }

    private let state: Mutex<State>
    private let report: (@Sendable (JobProgress) -> Void)?

    init(maps: Int, reduces: Int, report: (@Sendable (JobProgress) -> Void)?) {
        state = Mutex(State(maps: Array(repeating: 0, count: maps), reduces: Array(repeating: 0, count: reduces)))
        self.report = report
    }

    func update(_ kind: TaskKind, task: Int, fraction: Double) {
        guard let report else { return }
        let changed: JobProgress? = state.withLock { state in
            switch kind {
            case .map: state.maps[task] = min(1, max(0, fraction))
            case .reduce: state.reduces[task] = min(1, max(0, fraction))
            }
            let map = state.maps.isEmpty ? 1 : state.maps.reduce(0, +) / Double(state.maps.count)
            let reduce = state.reduces.isEmpty ? (map >= 1 ? 1 : 0) : state.reduces.reduce(0, +) / Double(state.reduces.count)
            let now = JobProgress(map: map, reduce: reduce)
            guard now.mapPercent != state.last.mapPercent || now.reducePercent != state.last.reducePercent else { return nil }
            state.last = now
            return now
        }
        if let changed { report(changed) }
    }
}
