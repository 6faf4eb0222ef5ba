/// A binary min-heap of simulation events, ordered by time, then by insertion, so
/// that events at the same instant run in the order they were scheduled and every
/// run is the same.
struct EventQueue<Payload> {
    private struct Entry {
        var time: Int64
        var order: Int
        var payload: Payload

        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && order < other.order)
        }
    }

    private var heap: [Entry] = []
    private var inserted = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    /// The earliest event's time.
    var nextTime: Int64? { heap.first?.time }

    /// Schedules `payload` at `time` (milliseconds of virtual time).
    ///
    /// - Complexity: O(log n).
    mutating func push(_ payload: Payload, at time: Int64) {
        heap.append(Entry(time: time, order: inserted, payload: payload))
        inserted += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest event.
    ///
    /// - Complexity: O(log n).
    mutating func pop() -> (time: Int64, payload: Payload)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            let right = left + 1
            var smallest = left
            if right < count, heap[right].precedes(heap[left]) { smallest = right }
            guard heap[smallest].precedes(heap[parent]) else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return (top.time, top.payload)
    }
}
