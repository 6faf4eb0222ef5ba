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

    /// Removes the directory and everything in it; a directory that was never created is fine.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
