/// What the store keeps about the writes of one kind: the revision of the last, and, once a
/// cache has asked to follow the kind, the keys written since, in order. kube-apiserver keeps
/// its watch history the same way, one cache per resource (k8s.io/apiserver/pkg/storage/cacher,
/// v1.33), so a watch of pods replays pod writes only. Kinds nobody follows keep no history:
/// a month of CronJobs records and expires Events some two hundred thousand times, and no
/// cache reads those writes back.
struct KindHistory {
    /// The revision of the last create, update or removal (0: none yet).
    var revision: Int64 = 0
    private(set) var journal: Journal?

    /// A write at `revision`; `key` is asked for only when the kind keeps a history.
    mutating func record(_ key: () -> ObjectKey, at revision: Int64, capacity: Int) {
        self.revision = revision
        journal?.append(key(), at: revision, capacity: capacity)
    }

    /// Keeps the keys written from now on (a kind already followed keeps its history).
    mutating func follow(from revision: Int64) {
        if journal == nil { journal = Journal(since: revision) }
    }

    /// The history starts afresh at `revision` (a restore), for the kinds followed until then.
    mutating func restart(at revision: Int64) {
        self.revision = revision
        if journal != nil { journal = Journal(since: revision) }
    }

    /// The keys written at revisions in order; half is dropped when full (etcd's compaction).
    struct Journal {
        /// Every write after this revision is listed.
        private(set) var since: Int64
        private var revisions: [Int64] = []
        private var keys: [ObjectKey] = []

        init(since: Int64) { self.since = since }

        mutating func append(_ key: ObjectKey, at revision: Int64, capacity: Int) {
            if keys.count >= max(capacity, 1) {
                let dropped = keys.count / 2 + (keys.count == 1 ? 1 : 0)
                since = revisions[dropped - 1]
                revisions.removeFirst(dropped)
                keys.removeFirst(dropped)
            }
            revisions.append(revision)
            keys.append(key)
        }

        /// The keys written after `revision`, oldest first; nil when compacted past it.
        func keys(after revision: Int64) -> ArraySlice<ObjectKey>? {
            guard revision >= since else { return nil }
            // Revisions only grow: the first one after `revision`, found by halving.
            var (low, high) = (0, revisions.count)
            while low < high {
                let middle = (low + high) / 2
                if revisions[middle] <= revision { low = middle + 1 } else { high = middle }
            }
            return keys[low...]
        }
    }
}
