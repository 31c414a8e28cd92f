/// A set of keys with their sorted order made when asked for: a write that only adds at the
/// end, or takes the first or last away, keeps it; any other drops it. Events come and go by
/// the hundred between two listings of them, and keeping a sorted array of them shifted it on
/// every write; a CronJob's Jobs are named by start time, so the newest comes last and the
/// oldest goes first.
struct SortedKeys {
    private(set) var members: Set<ObjectKey> = []
    private var sorted: [ObjectKey]? = []

    // The ends are compared where they lie: `sorted?.last` copied the key out (its strings
    // retained and released) on every write.
    mutating func insert(_ key: ObjectKey) {
        guard members.insert(key).inserted, var order = sorted.take() else { return }
        if order.isEmpty || order[order.count - 1] < key {
            order.append(key)
            sorted = order
        }
    }

    mutating func remove(_ key: ObjectKey) {
        guard members.remove(key) != nil, var order = sorted.take(), !order.isEmpty else { return }
        if order[order.count - 1] == key {
            order.removeLast()
        } else if order[0] == key {
            order.removeFirst()
        } else {
            return  // order dropped
        }
        sorted = order
    }

    mutating func ordered() -> [ObjectKey] {
        if let sorted { return sorted }
        let made = members.sorted()
        sorted = made
        return made
    }
}
