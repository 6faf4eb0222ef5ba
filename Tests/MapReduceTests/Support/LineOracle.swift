import MapReduce
import SeededRandom
/// Hadoop's line rules, written plainly: a line ends at LF, CRLF or a lone CR;
/// a last line without a terminator counts if it has bytes.
enum LineOracle {
    struct Line: Hashable {
        var offset: Int64
        var bytes: [UInt8]
    }

    static func lines(_ file: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var index = 0
        while index < file.count {
            switch file[index] {
            case 10:
                lines.append(Line(offset: Int64(start), bytes: Array(file[start..<index])))
                index += 1
                start = index
            case 13:
                lines.append(Line(offset: Int64(start), bytes: Array(file[start..<index])))
                index += index + 1 < file.count && file[index + 1] == 10 ? 2 : 1
                start = index
            default:
                index += 1
            }
        }
        if start < file.count { lines.append(Line(offset: Int64(start), bytes: Array(file[start...]))) }
        return lines
    }

    /// Whether the split `[start, start + length)` reads the line starting at `offset`:
    /// a line belongs to the split it starts in, and a line starting exactly on a
    /// boundary belongs to the split before (which reads one line past its end).
    static func splitReads(start: Int64, length: Int64, offset: Int64) -> Bool {
        (offset > start || (start == 0 && offset == 0)) && offset <= start + length
    }
}

/// Files that cover every line-ending case, plus seeded random ones.
enum LineCorpus {
    /// Relative path → contents.
    static func files(seed: UInt64 = 42) -> [(name: String, bytes: [UInt8])] {
        var generator = SeededGenerator(seed: seed)
        var files: [(String, [UInt8])] = [
            ("lf.txt", bytes("alpha\nbeta\n\ngamma delta\n")),
            ("crlf.txt", bytes("one\r\ntwo\r\n\r\nthree\r\n")),
            ("cr.txt", bytes("red\rgreen\r\rblue\r")),
            ("mixed.txt", bytes("a\r\nb\nc\rd\n\r\n\r\re")),
            ("no-final-newline.txt", bytes("the last line has no newline")),
            ("empty.txt", []),
            ("only-terminators.txt", bytes("\n\r\n\r\r\n\n\r")),
            ("long-line.txt", bytes("short\n" + String(repeating: "x", count: 150) + "\nafter\r\n")),
            ("empty-lines.txt", bytes("\n\n\nx\n\n")),
            ("sub/deeper/nested.txt", bytes("nested one\nnested two")),
        ]
        // CRLFs at every residue, so that for each split size some CR ends one split and its LF starts the next.
        var straddle: [UInt8] = []
        for length in 0..<12 { straddle += Array(repeating: UInt8(ascii: "s"), count: length) + [13, 10] }
        files.append(("crlf-straddle.txt", straddle))
        for index in 0..<2 {
            let alphabet: [UInt8] = [97, 98, 9, 32, 0, 0xFF, 0xC3, 0xA9, 10, 13, 13, 10]
            let count = Int.random(in: 150...300, using: &generator)
            files.append(("random-\(index).txt", (0..<count).map { _ in alphabet.randomElement(using: &generator) ?? 97 }))
        }
        return files
    }
}
