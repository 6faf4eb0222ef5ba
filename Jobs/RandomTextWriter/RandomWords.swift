import MapReduce
import SeededRandom
/// The fixed vocabulary of `randomtextwriter`: 1000 distinct pronounceable
/// words built from syllables by a fixed seed, so that every run everywhere
/// draws from the same list (Hadoop ships its own list of dictionary words).
enum RandomWords {
    /// Every word as UTF-8 bytes, in a fixed order.
    static let all: [[UInt8]] = make(count: 1000, seed: 0x5EED_0F_7E47)

    private static let onsets = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "qu", "r", "s", "t", "v", "w", "z",
                                 "br", "ch", "cl", "dr", "fl", "gr", "ph", "pl", "sc", "sh", "st", "th", "tr", ""]
    private static let vowels = ["a", "e", "i", "o", "u", "y", "ai", "ea", "io", "ou"]
    private static let codas = ["", "", "", "n", "r", "s", "l", "m", "nt", "st", "ck", "ng", "x"]

    static func make(count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SeededGenerator(seed: seed)
        var seen = Set<[UInt8]>()
        var words: [[UInt8]] = []
        while words.count < count {
            let syllables = 1 + generator.next(below: 4)
            var word = ""
            for _ in 0..<syllables {
                word += onsets[generator.next(below: onsets.count)]
                word += vowels[generator.next(below: vowels.count)]
                word += codas[generator.next(below: codas.count)]
            }
            let bytes = Array(word.utf8)
            if seen.insert(bytes).inserted { words.append(bytes) }
        }
        return words
    }
}
