/// A binary min-heap of work items, so the runner finds the next due item in O(log n) rather
/// than scanning every queued key. Entries superseded by an earlier due time, or already run,
/// stay in the heap and are skipped when they surface (lazy deletion).
///
/// The heap itself holds plain numbers (due time, the controller's rank in name order, its lane
/// and the slot of the item): most comparisons fall to the due time or the rank, and sifting
/// moves no strings to retain and release. Items sit in their slots until popped; their
/// controller name and key are read only to break a tie.
struct WorkHeap {
    private struct Entry {
        var due: Int64
        var rank: Int
        var lane: Int
        var slot: Int
    }

    private var entries: [Entry] = []
    /// Popped items stay in their slots until a push reuses them: an optional per slot was
    /// copied out to be looked at, and cleared, on every pop.
    private var items: [WorkItem] = []
    private var freeSlots: [Int] = []

    var isEmpty: Bool { entries.isEmpty }
    var first: WorkItem? { entries.first.map { items[$0.slot] } }
    /// The runner's lane (controller slot) of `first`.
    var firstLane: Int? { entries.first?.lane }

    /// Asks `body` about the first item where it lies (the runner checks whether it is stale,
    /// and most popped items are: copying each out first retained its strings for nothing).
    func withFirst<Result>(_ body: (borrowing WorkItem) -> Result) -> Result? {
        guard let top = entries.first else { return nil }
        return body(items[top.slot])
    }

    /// `rank` orders controllers as their names sort (`WorkItem.<`); each lane has its own, so
    /// equal ranks mean the same controller and only the keys are left to compare.
    mutating func push(_ item: consuming WorkItem, rank: Int, lane: Int) {
        let slot: Int
        let due = item.due.seconds
        if let free = freeSlots.popLast() {
            slot = free
            items[slot] = item
        } else {
            slot = items.count
            items.append(item)
        }
        entries.append(Entry(due: due, rank: rank, lane: lane, slot: slot))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Drops the first item (read it with `first` or `withFirst` before).
    mutating func pop() {
        guard !entries.isEmpty else { return }
        entries.swapAt(0, entries.count - 1)
        freeSlots.append(entries.removeLast().slot)
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < entries.count, less(left, smallest) { smallest = left }
            if right < entries.count, less(right, smallest) { smallest = right }
            if smallest == parent { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
    }

    mutating func removeAll() {
        entries.removeAll()
        items.removeAll()
        freeSlots.removeAll()
    }

    private func less(_ lhs: Int, _ rhs: Int) -> Bool {
        let left = entries[lhs], right = entries[rhs]
        if left.due != right.due { return left.due < right.due }
        if left.rank != right.rank { return left.rank < right.rank }
        return items[left.slot].key < items[right.slot].key
    }
}
