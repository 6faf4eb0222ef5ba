/// The 2-dimensional Halton sequence of Hadoop's `QuasiMonteCarlo`, in bases 2
/// and 3 with 63 and 40 digits, computed with the same floating-point
/// operations in the same order so every point — and so every estimate —
/// matches Hadoop's bit for bit.
struct HaltonSequence {
    private static let bases = [2, 3]
    private static let digitCounts = [63, 40]

    private var index: Int64
    /// The current point's coordinates.
    private var x: [Double]
    /// `q[i][j]` = base_i^-(j+1).
    private var q: [[Double]]
    /// The base-`b` digits of `index`, least significant first.
    private var d: [[Int]]

    /// The sequence positioned at H(`start`), so the first point is H(`start` + 1).
    init(start: Int64) {
        index = start
        x = [Double](repeating: 0, count: Self.bases.count)
        q = Self.digitCounts.map { [Double](repeating: 0, count: $0) }
        d = Self.digitCounts.map { [Int](repeating: 0, count: $0) }
        for i in 0..<Self.bases.count {
            var k = index
            let base = Self.bases[i]
            for j in 0..<Self.digitCounts[i] {
                q[i][j] = (j == 0 ? 1.0 : q[i][j - 1]) / Double(base)
                d[i][j] = Int(k % Int64(base))
                k = (k - Int64(d[i][j])) / Int64(base)
                x[i] += Double(d[i][j]) * q[i][j]
            }
        }
    }

    /// Advances to the next index and returns its point in [0, 1)².
    mutating func nextPoint() -> (x: Double, y: Double) {
        index += 1
        for i in 0..<Self.bases.count {
            let base = Self.bases[i]
            for j in 0..<Self.digitCounts[i] {
                d[i][j] += 1
                x[i] += q[i][j]
                if d[i][j] < base { break }
                d[i][j] = 0
                x[i] -= (j == 0 ? 1.0 : q[i][j - 1])
            }
        }
        return (x[0], x[1])
    }
}
