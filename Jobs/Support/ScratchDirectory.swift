import Foundation
import MapReduce

/// A uniquely named directory for a program's intermediate job output, which
/// the program removes whether its jobs succeed or fail (Hadoop's grep and pi
/// delete their `grep-temp-N` / `QuasiMonteCarlo_T_N` directories the same way).
struct ScratchDirectory: Sendable {
    /// The directory's absolute path; it does not exist until a job writes it.
    let path: String

    /// A fresh path `<parent>/<prefix><random number>` that does not exist yet.
    init(prefix: String, in parent: String) {
        let base = LocalPath.resolve(parent)
        var candidate: String
        repeat {
            candidate = "\(base)/\(prefix)\(Int32.random(in: 0...Int32.max))"
        } while FileManager.default.fileExists(atPath: candidate)
        path = candidate
    }

    /// Runs `body`, then removes the directory and everything in it, whether
    /// `body` succeeded or not; a directory that was never created is fine.
    ///
    /// - Throws: `body`'s error; else the file system's when the directory stays behind.
    func removing<T>(after body: () async throws -> T) async throws -> T {
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body())
        } catch {
            outcome = .failure(error)
        }
        if FileManager.default.fileExists(atPath: path) {
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                // The job's own failure is what to fix first; it is thrown below instead.
                if case .success = outcome { throw error }
            }
        }
        return try outcome.get()
    }
}
