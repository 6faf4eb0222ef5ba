/// A k-way merge of sorted segments: a binary heap of readers ordered by their
/// current key, like Hadoop's `Merger`.
final class MergeQueue {
    private var readers: [SegmentReader]
    private var heap: [Int] = []
    private var started = false
    /// The reader holding the current (smallest) record.
    private(set) var current: SegmentReader?

    init(readers: [SegmentReader]) {
        self.readers = readers
    }

    /// Moves to the next record in key order; false when every segment is exhausted.
    /// - Complexity: O(log k) for k segments.
    @inline(__always)
    func advance() throws -> Bool {
        if !started {
            started = true
            for (index, reader) in readers.enumerated() where try reader.advance() {
                heap.append(index)
                siftUp(heap.count - 1)
            }
        } else if !heap.isEmpty {
            if try readers[heap[0]].advance() {
                siftDown(0)
            } else {
                let last = heap.removeLast()
                if !heap.isEmpty {
                    heap[0] = last
                    siftDown(0)
                }
            }
        }
        current = heap.isEmpty ? nil : readers[heap[0]]
        return current != nil
    }

    /// Bytes read from all segments so far.
    var bytesRead: Int64 { readers.reduce(0) { $0 + $1.bytesRead } }

    @inline(__always)
    private func less(_ a: Int, _ b: Int) -> Bool {
        let x = readers[a], y = readers[b]
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
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            if left >= count { return }
            var smallest = left
            if left + 1 < count && less(heap[left + 1], heap[left]) { smallest = left + 1 }
            if less(heap[smallest], heap[parent]) {
                heap.swapAt(smallest, parent)
                parent = smallest
            } else { return }
        }
    }
}
