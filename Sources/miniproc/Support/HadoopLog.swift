import Foundation
import MapReduce

/// Prints lines the way Hadoop's job client logs them, so output reads (and
/// greps) like a real `hadoop jar` run.
struct HadoopLog: Sendable {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss,SSS"
        return formatter
    }()

    /// Prints `message` from `logger` at INFO.
    func info(_ logger: String, _ message: String) {
        print("\(Self.formatter.string(from: Date())) INFO \(logger): \(message)")
        fflush(nil)
    }

    /// Prints `message` from `logger` at WARN, on standard error.
    func warn(_ logger: String, _ message: String) {
        FileHandle.standardError.write(Data("\(Self.formatter.string(from: Date())) WARN \(logger): \(message)\n".utf8))
    }

    /// Prints a line of a job's driver output: log lines get a timestamp, the
    /// rest (counter blocks, a program's result) is printed as it is.
    func driverOutput(_ line: String) {
        if line.hasPrefix("INFO ") || line.hasPrefix("WARN ") || line.hasPrefix("ERROR ") {
            print("\(Self.formatter.string(from: Date())) \(line)")
        } else {
            print(line)
        }
        fflush(nil)
    }

    /// The counter block Hadoop prints at the end of a job.
    func counters(_ counters: Counters) {
        let total = counters.groups.values.reduce(0) { $0 + $1.count }
        info("mapreduce.Job", "Counters: \(total)")
        print(counters.description)
    }
}
