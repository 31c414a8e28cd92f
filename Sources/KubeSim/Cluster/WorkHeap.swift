/// A binary min-heap of work items, so the runner finds the next due item in O(log n) rather
/// than scanning every queued key. Entries superseded by an earlier due time, or already run,
/// stay in the heap and are skipped when they surface (lazy deletion).
///
/// Each entry carries its controller's rank in name order, and comparisons read fields in
/// place: most fall to the due time or the rank, so sifting neither compares controller names
/// nor copies items (four strings to retain and release each).
struct WorkHeap {
    private struct Entry {
        var due: Int64
        var rank: Int
        var lane: Int
        var item: WorkItem
    }

    private var items: [Entry] = []

    var isEmpty: Bool { items.isEmpty }
    var first: WorkItem? { items.first?.item }
    /// The runner's lane (controller slot) of `first`.
    var firstLane: Int? { items.first?.lane }

    /// `rank` orders controllers as their names sort (`WorkItem.<`); equal ranks mean the same
    /// controller, or two unknown to the runner.
    mutating func push(_ item: WorkItem, rank: Int, lane: Int) {
        items.append(Entry(due: item.due.seconds, rank: rank, lane: lane, item: item))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> WorkItem? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast().item
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, less(left, smallest) { smallest = left }
            if right < items.count, less(right, smallest) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }

    mutating func removeAll() { items.removeAll() }

    private func less(_ lhs: Int, _ rhs: Int) -> Bool {
        if items[lhs].due != items[rhs].due { return items[lhs].due < items[rhs].due }
        if items[lhs].rank != items[rhs].rank { return items[lhs].rank < items[rhs].rank }
        if items[lhs].item.controller != items[rhs].item.controller { return items[lhs].item.controller < items[rhs].item.controller }
        return items[lhs].item.key < items[rhs].item.key
    }
}
