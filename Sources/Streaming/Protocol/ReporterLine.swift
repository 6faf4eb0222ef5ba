/// What a line of a streaming program's stderr means, as Hadoop's
/// `PipeMapRed` reads it: with the prefix `stream.stderr.reporter.prefix`
/// (`reporter:`), `reporter:counter:GROUP,COUNTER,AMOUNT` adds to a counter and
/// `reporter:status:MESSAGE` sets the task's status; anything else is log.
enum ReporterLine: Equatable {
    case counter(group: String, name: String, amount: Int64)
    case status(String)
    /// A reporter line that cannot be read; the warning goes to the task log.
    case malformed(warning: String)
    case log

    static func parse(_ line: String, prefix: String) -> ReporterLine {
        guard line.hasPrefix(prefix) else { return .log }
        let rest = line.dropFirst(prefix.count)
        if rest.hasPrefix("counter:") {
            let columns = rest.dropFirst("counter:".count).trimmingSpaces().split(separator: ",", omittingEmptySubsequences: false)
            guard columns.count == 3 else { return .malformed(warning: "Cannot parse counter line: \(line)") }
            guard let amount = Int64(columns[2]) else {
                return .malformed(warning: "Cannot parse counter increment '\(columns[2])' from line: \(line)")
            }
            return .counter(group: String(columns[0]), name: String(columns[1]), amount: amount)
        }
        if rest.hasPrefix("status:") {
            return .status(String(rest.dropFirst("status:".count).trimmingSpaces()))
        }
        return .malformed(warning: "Cannot parse reporter line: \(line)")
    }
}

extension Substring {
    /// Without leading and trailing spaces and control characters, as Java's `String.trim`.
    func trimmingSpaces() -> Substring {
        var text = self
        while let first = text.first, first.unicodeScalars.allSatisfy({ $0.value <= 32 }) { text.removeFirst() }
        while let last = text.last, last.unicodeScalars.allSatisfy({ $0.value <= 32 }) { text.removeLast() }
        return text
    }
}
