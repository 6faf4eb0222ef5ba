/// A k-way merge of sorted segments: a binary heap of readers ordered by their
/// current key, like Hadoop's `Merger`.
///
/// The heap compares copies of each reader's current record (pointers and
/// key prefix) kept in a flat array, so the per-record path never touches
/// reader objects' reference counts.
final class MergeQueue {
    private struct Head {
        var prefix: UInt64
        var key: UnsafeRawPointer
        var keyLength: Int
        var value: UnsafeRawPointer
        var valueLength: Int
    }

    private let readers: [SegmentReader]
    private let unmanaged: [Unmanaged<SegmentReader>]
    private let heads: UnsafeMutablePointer<Head>
    private let heap: UnsafeMutablePointer<Int>
    private var heapCount = 0
    private var started = false

    init(readers: [SegmentReader]) {
        self.readers = readers
        self.unmanaged = readers.map { Unmanaged.passUnretained($0) }
        self.heads = UnsafeMutablePointer<Head>.allocate(capacity: max(1, readers.count))
        self.heap = UnsafeMutablePointer<Int>.allocate(capacity: max(1, readers.count))
    }

    deinit {
        heads.deallocate()
        heap.deallocate()
    }

    /// The current record's key, valid until the next `advance`.
    var key: UnsafeRawPointer { heads[heap[0]].key }
    /// The current record's key length.
    var keyLength: Int { heads[heap[0]].keyLength }
    /// The current record's value, valid until the next `advance`.
    var value: UnsafeRawPointer { heads[heap[0]].value }
    /// The current record's value length.
    var valueLength: Int { heads[heap[0]].valueLength }

    /// Advances reader `index` and records its new head; false when it is exhausted.
    @inline(__always)
    private func step(_ index: Int) throws -> Bool {
        try unmanaged[index]._withUnsafeGuaranteedRef { reader in
            guard try reader.advance() else { return false }
            heads[index] = Head(prefix: reader.prefix, key: reader.key, keyLength: reader.keyLength, value: reader.value, valueLength: reader.valueLength)
            return true
        }
    }

    /// Moves to the next record in key order; false when every segment is exhausted.
    /// - Complexity: O(log k) for k segments.
    @inline(__always)
    func advance() throws -> Bool {
        if !started {
            started = true
            for index in readers.indices where try step(index) {
                heap[heapCount] = index
                heapCount += 1
                siftUp(heapCount - 1)
            }
        } else if heapCount > 0 {
            if try step(heap[0]) {
                siftDown(0)
            } else {
                heapCount -= 1
                if heapCount > 0 {
                    heap[0] = heap[heapCount]
                    siftDown(0)
                }
            }
        }
        return heapCount > 0
    }

    /// Bytes read from all segments so far.
    var bytesRead: Int64 { readers.reduce(0) { $0 + $1.bytesRead } }

    @inline(__always)
    private func less(_ a: Int, _ b: Int) -> Bool {
        let x = heads[a], y = heads[b]
        if x.prefix != y.prefix { return x.prefix < y.prefix }
        let c = KeyBytes.compare(x.key, x.keyLength, y.key, y.keyLength)
        return c < 0 || (c == 0 && a < b)
    }

    private func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            if less(heap[child], heap[parent]) {
                heap.swapAt(child, parent)
                child = parent
            } else { return }
        }
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            if left >= heapCount { return }
            var smallest = left
            if left + 1 < heapCount && less(heap[left + 1], heap[left]) { smallest = left + 1 }
            if less(heap[smallest], heap[parent]) {
                heap.swapAt(smallest, parent)
                parent = smallest
            } else { return }
        }
    }
}

extension UnsafeMutablePointer where Pointee == Int {
    @inline(__always)
    fileprivate func swapAt(_ i: Int, _ j: Int) {
        let t = self[i]
        self[i] = self[j]
        self[j] = t
    }
}
