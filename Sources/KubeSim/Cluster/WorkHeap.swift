/// A binary min-heap of work items, so the runner finds the next due item in O(log n) rather
/// than scanning every queued key. Entries superseded by an earlier due time, or already run,
/// stay in the heap and are skipped when they surface (lazy deletion).
struct WorkHeap {
    private var items: [WorkItem] = []

    var isEmpty: Bool { items.isEmpty }
    var first: WorkItem? { items.first }

    mutating func push(_ item: WorkItem) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> WorkItem? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }

    mutating func removeAll() { items.removeAll() }
}
