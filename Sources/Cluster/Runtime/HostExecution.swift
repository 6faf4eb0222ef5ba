import Foundation
import MapReduce

/// The process-wide bound on task attempts that really execute at once: one
/// per host core, shared by every cluster in the process.
enum HostExecution {
    static let shared = AsyncSemaphore(permits: max(1, ProcessInfo.processInfo.activeProcessorCount))
}
