/// A set of keys with their sorted order made when asked for: a write that only adds at the
/// end, or takes the first or last away, keeps it; any other drops it. Events come and go by
/// the hundred between two listings of them, and keeping a sorted array of them shifted it on
/// every write; a CronJob's Jobs are named by start time, so the newest comes last and the
/// oldest goes first.
struct SortedKeys {
    private(set) var members: Set<ObjectKey> = []
    private var sorted: [ObjectKey]? = []

    mutating func insert(_ key: ObjectKey) {
        guard members.insert(key).inserted else { return }
        if let last = sorted?.last, !(last < key) { sorted = nil } else { sorted?.append(key) }
    }

    mutating func remove(_ key: ObjectKey) {
        guard members.remove(key) != nil else { return }
        if sorted?.last == key {
            sorted?.removeLast()
        } else if sorted?.first == key {
            sorted?.removeFirst()
        } else {
            sorted = nil
        }
    }

    mutating func ordered() -> [ObjectKey] {
        if let sorted { return sorted }
        let made = members.sorted()
        sorted = made
        return made
    }
}
