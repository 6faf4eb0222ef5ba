import Foundation
import MapReduce

/// Runs one attempt's blocking work on a thread of its own.
///
/// The engine's `BlockingWork` uses Dispatch's shared pool; an attempt that
/// blocks (a task held at a gate, a slow read) then holds a pool thread, and
/// the pool grows only slowly, so other attempts — of this cluster or another
/// in the process — stall behind it. Attempts are already bounded by the
/// cluster's execution slots, so one thread each costs little.
enum AttemptThread {
    /// Runs `work` and returns its result; cancelling the calling task sets `cancellation`.
    static func run<T: Sendable>(cancellation: CancellationFlag, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let thread = Thread {
                    continuation.resume(with: Result { try work() })
                }
                thread.name = "miniproc-attempt"
                thread.stackSize = 8 << 20
                thread.start()
            }
        } onCancel: {
            cancellation.cancel(reason: "the job was cancelled")
        }
    }
}
