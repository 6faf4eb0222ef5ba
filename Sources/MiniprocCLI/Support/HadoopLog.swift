import Foundation
import MapReduce

/// Writes lines the way Hadoop's job client logs them, so output reads (and
/// greps) like a real `hadoop jar` run.
struct HadoopLog: Sendable {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss,SSS"
        return formatter
    }()

    /// Where the lines go.
    let console: Console

    /// Writes `message` from `logger` at INFO.
    func info(_ logger: String, _ message: String) {
        console.print("\(Self.timestamp()) INFO \(logger): \(message)")
    }

    /// Writes `message` from `logger` at WARN, on the error stream.
    func warn(_ logger: String, _ message: String) {
        console.printError("\(Self.timestamp()) WARN \(logger): \(message)")
    }

    /// Writes a line of a job's driver output: log lines get a timestamp, the
    /// rest (counter blocks, a program's result) is written as it is.
    func driverOutput(_ line: String) {
        if line.hasPrefix("INFO ") || line.hasPrefix("WARN ") || line.hasPrefix("ERROR ") {
            console.print("\(Self.timestamp()) \(line)")
        } else {
            console.print(line)
        }
    }

    private static func timestamp() -> String { formatter.string(from: Date()) }
}
