import MapReduce
import Foundation
import Jobs
import SeededRandom

/// Writes a text corpus whose words follow a Zipf distribution (s = 1) over a
/// fixed vocabulary, like natural text: a few words are very common, most are rare.
enum CorpusGenerator {
    static func write(path: String, bytes target: Int64, vocabulary: Int = 200_000, seed: UInt64 = 42) throws {
        var random = SeededGenerator(seed: seed)
        var words: [[UInt8]] = []
        var seen = Set<[UInt8]>()
        while words.count < vocabulary {
            let length = 2 + Int(random.next() % 9) + (random.next() % 4 == 0 ? Int(random.next() % 6) : 0)
            let word = (0..<length).map { _ in UInt8(97 + random.next() % 26) }
            if seen.insert(word).inserted { words.append(word) }
        }
        // An inverse-CDF table: a uniform 22-bit number picks a rank.
        let tableBits = 22
        var table = [UInt32](repeating: 0, count: 1 << tableBits)
        var harmonic = 0.0
        for rank in 1...vocabulary { harmonic += 1.0 / Double(rank) }
        var cumulative = 0.0
        var rank = 0
        for slot in 0..<table.count {
            let u = (Double(slot) + 0.5) / Double(table.count)
            while rank < vocabulary - 1 && cumulative + 1.0 / (Double(rank + 1) * harmonic) < u {
                cumulative += 1.0 / (Double(rank + 1) * harmonic)
                rank += 1
            }
            table[slot] = UInt32(rank)
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchError("cannot create \(path)")
        }
        // On a failed write the handle closes when it goes away; the corpus is incomplete either way.
        // Every word followed by a space, in one array: a word is a slice of it.
        var text: [UInt8] = []
        var starts: [Int] = []
        for word in words {
            starts.append(text.count)
            text += word
            text.append(32)
        }
        starts.append(text.count)
        var buffer = [UInt8]()
        buffer.reserveCapacity(8 << 20)
        var written: Int64 = 0
        while written < target {
            let wordsInLine = 6 + Int(random.next() % 12)
            text.withUnsafeBufferPointer { text in
                for _ in 0..<wordsInLine {
                    let rank = Int(table[Int(random.next() >> UInt64(64 - tableBits))])
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[starts[rank]..<starts[rank + 1]]))
                }
            }
            buffer[buffer.count - 1] = 10
            if buffer.count >= 8 << 20 {
                let remaining = Int(target - written)
                if buffer.count > remaining {
                    // End on a whole line at or just before the target size.
                    var cut = remaining
                    while cut > 0 && buffer[cut - 1] != 10 { cut -= 1 }
                    buffer.removeSubrange(cut...)
                }
                try handle.write(contentsOf: buffer)
                written += Int64(buffer.count)
                if buffer.count == 0 { break }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty && written < target {
            try handle.write(contentsOf: buffer.prefix(Int(target - written)))
        }
        try handle.close()
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
