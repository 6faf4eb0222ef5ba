import MapReduce

/// The injected attempt failures still to come. Pure: the cluster asks it about
/// each attempt it launches.
struct AttemptFaults: Sendable {
    private(set) var rules: [AttemptFaultRule] = []

    mutating func add(_ rule: AttemptFaultRule) {
        if rule.remaining > 0 { rules.append(rule) }
    }

    /// Whether `attempt` of job `jobName` must fail; uses up one count of the first matching rule.
    mutating func onLaunch(_ attempt: TaskAttemptID, jobName: String) -> Bool {
        guard let index = rules.firstIndex(where: {
            $0.kind == attempt.kind && $0.task == attempt.task && ($0.jobName == nil || $0.jobName == jobName)
        }) else { return false }
        rules[index].remaining -= 1
        if rules[index].remaining == 0 { rules.remove(at: index) }
        return true
    }
}
