import Foundation

extension ScalingHistoryEntry {
    /// One line for a terminal:
    /// `2026-01-01T00:04:00Z  2+0 → 5+0  scale up: exactΔ 5.0 × … (succeeded: op-2)`.
    public var line: String {
        let formatter = ISO8601DateFormatter()
        let shape = "\(decision.currentPrimaryWorkers)+\(decision.currentSecondaryWorkers)"
        let target = "\(decision.targetPrimaryWorkers)+\(decision.targetSecondaryWorkers)"
        let result: String
        switch outcome {
        case .noChange: result = "no change"
        case .inProgress(let operation): result = "in progress: \(operation)"
        case .succeeded(let operation): result = "done: \(operation)"
        case .failed(let operation, let message): result = "failed\(operation.map { ": \($0)" } ?? ""): \(message)"
        }
        return "\(formatter.string(from: time))  \(shape) → \(target)  \(decision.reason) (\(result))"
    }
}
