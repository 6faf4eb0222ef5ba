import Foundation
@testable import MapReduce
import Testing

/// The line reader alone, with read buffers far smaller than a line, so that
/// terminators (a CR and its LF above all) fall across buffer refills too.
@Suite struct LineRecordReaderTests {
    private func read(_ path: String, start: Int64, length: Int64, chunkBytes: Int) throws -> [LineOracle.Line] {
        var reader = try LineRecordReader(path: path, start: start, length: length, chunkBytes: chunkBytes)
        var lines: [LineOracle.Line] = []
        try reader.read { record, _ in
            lines.append(LineOracle.Line(offset: record.offset, bytes: Array(record.value)))
        }
        return lines
    }

    @Test("every split size and read buffer size reads each line once, by the split it starts in",
          arguments: [1, 2, 3, 5, 8, 4 << 20])
    func everySplitOfEveryFileMatchesTheOracle(chunkBytes: Int) async throws {
        try await withTemporaryDirectory { directory in
            for (name, contents) in LineCorpus.files(seed: 7) where !contents.isEmpty {
                let path = "\(directory)/\(name.replacingOccurrences(of: "/", with: "-"))"
                try writeFile(path, contents)
                let expected = LineOracle.lines(contents)
                for splitSize in 1...min(contents.count, 40) {
                    var all: [LineOracle.Line] = []
                    var start = 0
                    while start < contents.count {
                        let length = min(splitSize, contents.count - start)
                        let lines = try read(path, start: Int64(start), length: Int64(length), chunkBytes: chunkBytes)
                        let mine = expected.filter { LineOracle.splitReads(start: Int64(start), length: Int64(length), offset: $0.offset) }
                        #expect(lines == mine, "\(name) split \(start)+\(length)")
                        all += lines
                        start += length
                    }
                    #expect(all == expected, "\(name) in \(splitSize)-byte splits")
                }
            }
        }
    }
}
