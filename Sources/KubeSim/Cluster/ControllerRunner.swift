import KubeModel

/// One pending reconcile: a controller, a key and when it is due.
public struct WorkItem: Codable, Hashable, Comparable, Sendable {
    public var due: VirtualTime
    public var controller: String
    public var key: ObjectKey

    /// Earliest first; ties by controller registration name, then key, so runs are reproducible.
    public static func < (lhs: WorkItem, rhs: WorkItem) -> Bool {
        (lhs.due, lhs.controller, lhs.key) < (rhs.due, rhs.controller, rhs.key)
    }
}

/// Runs controllers to quiescence in virtual-time order. Like client-go's workqueue, a key is
/// queued at most once per controller (the earlier due time wins), so a burst of changes to one
/// object costs one reconcile.
/// Hot properties skip the run-time exclusivity check, as `Store`'s do (one thread, no `inout`
/// handed out).
public final class ControllerRunner {
    public private(set) var controllers: [any Controller] = []
    /// One slot per registered controller, so the hot paths index arrays instead of hashing
    /// the name on every enqueue and reconcile.
    private struct Lane {
        let name: String
        var controller: any Controller
        /// Where the name sorts among the controllers: heap ties break as `WorkItem.<` does.
        var rank = 0
        /// Pending work: key → due time.
        var pending: [ObjectKey: VirtualTime] = [:]
        var reconciles = 0
    }
    @exclusivity(unchecked) private var lanes: [Lane] = []
    private var laneByName: [String: Int] = [:]
    /// A controller and its lane, by reference: the fan-out of every change copied each
    /// watcher's existential (a boxed struct) out of the list.
    private final class Watcher {
        let lane: Int
        let controller: any Controller
        /// For a change of a kind that is not one of the controller's primary kinds: those
        /// kinds, one of which must have objects for the change to matter (nil: always asked).
        let gate: [HashedString]?
        /// The gate's answer as of a `Store.kindsGeneration`: it asked the store's index about
        /// each kind for every change, where the answer moves only when a kind appears or empties.
        private var isOpen = true
        private var checkedAt = 0
        init(lane: Int, controller: any Controller, kind: String) {
            self.lane = lane
            self.controller = controller
            let primary = controller.primaryKinds
            gate = primary.flatMap { $0.contains(kind) ? nil : $0.sorted().map(HashedString.init) }
        }

        /// Whether the change matters to the controller at all (see `gate`).
        func admits(in store: Store) -> Bool {
            guard let gate else { return true }
            let generation = store.kindsGeneration
            if generation != checkedAt { (isOpen, checkedAt) = (gate.contains(where: store.hasObjects(ofKind:)), generation) }
            return isOpen
        }
    }
    /// For each kind seen so far, the controllers watching it (filled on first sight).
    @exclusivity(unchecked) private var watchersByKind: [HashedString: [Watcher]] = [:]
    /// The last kind looked up and its watchers (nil kind: none yet).
    @exclusivity(unchecked) private var lastWatchedKind: String?
    @exclusivity(unchecked) private var lastWatchers: [Watcher] = []
    /// The queued work ordered by due time; entries no longer pending in their lane are stale.
    @exclusivity(unchecked) private var heap = WorkHeap()
    /// Pending items over all lanes (what `isIdle` looks at).
    @exclusivity(unchecked) private var pendingCount = 0
    /// Reconciles run so far (for benchmarks and runaway detection).
    @exclusivity(unchecked) public private(set) var reconcileCount = 0
    /// A safety net against controllers that requeue forever at the same instant.
    public var maximumReconcilesPerAdvance = 200_000

    public init() {}

    /// Pending work: controller name → key → due time.
    public var queue: [String: [ObjectKey: VirtualTime]] {
        Dictionary(lanes.filter { !$0.pending.isEmpty }.map { ($0.name, $0.pending) }, uniquingKeysWith: { first, _ in first })
    }

    /// The same count per controller name (what a benchmark reports to show where work goes).
    public var reconcilesByController: [String: Int] {
        Dictionary(lanes.filter { $0.reconciles > 0 }.map { ($0.name, $0.reconciles) }, uniquingKeysWith: +)
    }

    /// Adds a controller; one registered under a name already taken replaces the earlier one.
    public func register(_ controller: any Controller) {
        controllers.removeAll { $0.name == controller.name }
        controllers.append(controller)
        if let lane = laneByName[controller.name] {
            lanes[lane].controller = controller
        } else {
            lanes.append(Lane(name: controller.name, controller: controller))
            laneByName[controller.name] = lanes.count - 1
        }
        watchersByKind = [:]
        (lastWatchedKind, lastWatchers) = (nil, [])
        let order = lanes.map(\.name).sorted()
        for index in lanes.indices { lanes[index].rank = order.firstIndex(of: lanes[index].name) ?? 0 }
    }

    private func enqueue(_ key: ObjectKey, lane: Int, at due: VirtualTime) {
        let existing = lanes[lane].pending[key]
        if let existing, existing <= due { return }
        if existing == nil { pendingCount += 1 }
        lanes[lane].pending[key] = due
        heap.push(WorkItem(due: due, controller: lanes[lane].name, key: key), rank: lanes[lane].rank, lane: lane)
    }

    /// Takes a queued item off (it is about to run).
    private func dequeue(_ key: ObjectKey, lane: Int) {
        guard lanes[lane].pending.removeValue(forKey: key) != nil else { return }
        pendingCount -= 1
    }

    /// Turns the store's pending changes into queued keys, due now.
    public func drain(_ store: Store) {
        while !store.pendingEvents.isEmpty {
            store.handPendingEvents { batch in
                for event in batch {
                    for watcher in watchers(of: event.key.kind) {
                        guard watcher.admits(in: store) else { continue }
                        let keys = watcher.controller.keys(for: event, in: store)
                        guard !keys.isEmpty else { continue }
                        let due = store.now + watcher.controller.delay(after: event, in: store)
                        for key in keys { enqueue(key, lane: watcher.lane, at: due) }
                    }
                }
            }
        }
    }

    private func watchers(of kind: String) -> [Watcher] {
        // Changes come in runs of one kind (a kubelet's Events, a batch of expiries): equal
        // short names compare as one word, where the dictionary hashed the name every time.
        if lastWatchedKind == kind { return lastWatchers }
        lastWatchers = lookUpWatchers(of: kind)
        lastWatchedKind = kind
        return lastWatchers
    }

    private func lookUpWatchers(of kind: String) -> [Watcher] {
        let hashed = HashedString(kind)
        if let watchers = watchersByKind[hashed] { return watchers }
        let watchers = controllers.filter { $0.watchedKinds?.contains(kind) ?? true }.compactMap { controller in
            laneByName[controller.name].map { Watcher(lane: $0, controller: controller, kind: kind) }
        }
        watchersByKind[hashed] = watchers
        return watchers
    }

    /// The next item due at or before `limit`, if any.
    public func nextItem(notAfter limit: VirtualTime) -> WorkItem? {
        nextLaneItem(notAfter: limit)?.item
    }

    private func nextLaneItem(notAfter limit: VirtualTime) -> (item: WorkItem, lane: Int)? {
        while let lane = heap.firstLane {
            guard let due = heap.withFirst({ item in lanes[lane].pending[item.key] == item.due ? item.due : nil }) ?? nil else {
                heap.pop()  // superseded or already run
                continue
            }
            return due <= limit ? heap.first.map { ($0, lane) } : nil
        }
        return nil
    }

    public var isIdle: Bool { pendingCount == 0 }

    /// Runs every reconcile due up to `target`, moving the store's clock forward to each item's
    /// due time. With `stopWhenIdle` the clock stays at the last change when the queue empties
    /// (`advance` with no duration); otherwise it ends at `target`.
    public func run(_ store: Store, until target: VirtualTime, stopWhenIdle: Bool) throws {
        var budget = maximumReconcilesPerAdvance
        drain(store)
        while true {
            let next = nextLaneItem(notAfter: target)
            // Events expire in time order with the work (etcd deletes them between requests),
            // but an expiry is not activity: with nothing else pending the clock stays.
            if let expiry = store.nextEventExpiry, expiry <= target, next.map({ expiry <= $0.item.due }) ?? true,
               !(stopWhenIdle && isIdle && expiry > store.now) {
                store.now = max(store.now, expiry)
                store.expireEvents()
                drain(store)
                continue
            }
            guard let (item, lane) = next else { break }
            budget -= 1
            guard budget > 0 else {
                throw APIError(reason: "InternalError", message: "controllers did not settle (\(maximumReconcilesPerAdvance) reconciles); a controller keeps requeueing")
            }
            dequeue(item.key, lane: lane)
            store.now = max(store.now, item.due)
            let controller = lanes[lane].controller
            reconcileCount += 1
            lanes[lane].reconciles += 1
            let result = controller.reconcile(item.key, in: store, at: store.now)
            if case .requeue(let after) = result {
                enqueue(item.key, lane: lane, at: store.now + VirtualDuration(seconds: max(after.seconds, 1)))
            }
            drain(store)
        }
        if !stopWhenIdle || !isIdle { store.now = max(store.now, target) }
    }

    /// Restores saved pending work; work saved for a controller this build does not have (one
    /// since retired, like the old event-ttl loop) is dropped, as nothing could run it.
    func restore(_ items: [WorkItem]) {
        for lane in lanes.indices { lanes[lane].pending = [:] }
        heap.removeAll()
        pendingCount = 0
        for item in items {
            guard let lane = laneByName[item.controller] else { continue }
            enqueue(item.key, lane: lane, at: item.due)
        }
    }

    /// Pending work as a sorted list (for saving).
    public var pendingItems: [WorkItem] {
        lanes.flatMap { lane in lane.pending.map { WorkItem(due: $0.value, controller: lane.name, key: $0.key) } }.sorted()
    }
}
