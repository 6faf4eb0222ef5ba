import Foundation
import MapReduce

/// Reads back what a finished job wrote, for programs that print a result
/// computed from their output (wordmean's mean, pi's estimate).
enum OutputFiles {
    /// The part files (`part-r-*`, `part-m-*`) of the output directory `path`, in name order.
    static func partFiles(in path: String) throws -> [String] {
        let directory = LocalPath.resolve(path)
        return try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("part-") }
            .sorted()
            .map { directory + "/" + $0 }
    }

    /// Every `key<TAB>value` line of every part file of `path`, split at the
    /// first tab; a line without a tab is a key with an empty value.
    static func keyValueLines(in path: String) throws -> [(key: String, value: String)] {
        var lines: [(key: String, value: String)] = []
        for file in try partFiles(in: path) {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError("cannot read job output file:\(file)")
            }
            for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
                if let tab = line.firstIndex(of: UInt8(ascii: "\t")) {
                    lines.append((String(decoding: line[..<tab], as: UTF8.self), String(decoding: line[(tab + 1)...], as: UTF8.self)))
                } else {
                    lines.append((String(decoding: line, as: UTF8.self), ""))
                }
            }
        }
        return lines
    }
}
