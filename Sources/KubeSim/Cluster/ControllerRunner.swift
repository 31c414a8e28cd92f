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
public final class ControllerRunner {
    public private(set) var controllers: [any Controller] = []
    private var controllersByName: [String: any Controller] = [:]
    /// For each kind seen so far, the controllers watching it (filled on first sight).
    private var watchersByKind: [String: [any Controller]] = [:]
    /// Pending work: controller name → key → due time.
    public private(set) var queue: [String: [ObjectKey: VirtualTime]] = [:]
    /// The same work ordered by due time; entries no longer in `queue` are stale.
    private var heap = WorkHeap()
    /// Pending items of controllers that are not housekeeping (what `isIdle` looks at).
    private var pendingCount = 0
    private var housekeeping: Set<String> = []
    /// Controller names sorted, and each one's rank among them (odd: see `rank(of:)`).
    private var sortedNames: [String] = []
    private var ranks: [String: Int] = [:]
    /// Reconciles run so far (for benchmarks and runaway detection).
    public private(set) var reconcileCount = 0
    /// The same count per controller name (what a benchmark reports to show where work goes).
    public private(set) var reconcilesByController: [String: Int] = [:]
    /// A safety net against controllers that requeue forever at the same instant.
    public var maximumReconcilesPerAdvance = 200_000

    public init() {}

    public func register(_ controller: any Controller) {
        controllers.append(controller)
        controllersByName[controller.name] = controller
        if controller.isHousekeeping { housekeeping.insert(controller.name) }
        watchersByKind = [:]
        sortedNames = controllersByName.keys.sorted()
        ranks = Dictionary(uniqueKeysWithValues: sortedNames.enumerated().map { ($0.element, 2 * $0.offset + 1) })
    }

    /// Where `name` sorts among the controllers, for the heap: registered names get odd ranks,
    /// an unknown one (restored work) the even rank between its neighbours.
    private func rank(of name: String) -> Int {
        if let rank = ranks[name] { return rank }
        return 2 * sortedNames.count { $0 < name }
    }

    public func enqueue(_ key: ObjectKey, for controller: String, at due: VirtualTime) {
        let existing = queue[controller]?[key]
        if let existing, existing <= due { return }
        if existing == nil, !housekeeping.contains(controller) { pendingCount += 1 }
        queue[controller, default: [:]][key] = due
        heap.push(WorkItem(due: due, controller: controller, key: key), rank: rank(of: controller))
    }

    /// Takes a queued item off (it is about to run).
    private func dequeue(_ item: WorkItem) {
        guard queue[item.controller]?.removeValue(forKey: item.key) != nil, !housekeeping.contains(item.controller) else { return }
        pendingCount -= 1
    }

    /// Turns the store's pending changes into queued keys, due now.
    public func drain(_ store: Store) {
        while !store.pendingEvents.isEmpty {
            for event in store.takePendingEvents() {
                for controller in watchers(of: event.key.kind) {
                    let keys = controller.keys(for: event, in: store)
                    guard !keys.isEmpty else { continue }
                    let due = store.now + controller.delay(after: event, in: store)
                    for key in keys { enqueue(key, for: controller.name, at: due) }
                }
            }
        }
    }

    private func watchers(of kind: String) -> [any Controller] {
        if let watchers = watchersByKind[kind] { return watchers }
        let watchers = controllers.filter { $0.watchedKinds?.contains(kind) ?? true }
        watchersByKind[kind] = watchers
        return watchers
    }

    /// The next item due at or before `limit`, if any.
    public func nextItem(notAfter limit: VirtualTime) -> WorkItem? {
        while let top = heap.first {
            guard queue[top.controller]?[top.key] == top.due else {
                heap.pop()  // superseded or already run
                continue
            }
            return top.due <= limit ? top : nil
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
        while let item = nextItem(notAfter: target) {
            // Only housekeeping left: quiet now, so the clock does not move for it.
            if stopWhenIdle, isIdle, item.due > store.now { break }
            budget -= 1
            guard budget > 0 else {
                throw APIError(reason: "InternalError", message: "controllers did not settle (\(maximumReconcilesPerAdvance) reconciles); a controller keeps requeueing")
            }
            dequeue(item)
            store.now = max(store.now, item.due)
            guard let controller = controllersByName[item.controller] else { continue }
            reconcileCount += 1
            reconcilesByController[item.controller, default: 0] += 1
            let result = controller.reconcile(item.key, in: store, at: store.now)
            if case .requeue(let after) = result {
                enqueue(item.key, for: item.controller, at: store.now + VirtualDuration(seconds: max(after.seconds, 1)))
            }
            drain(store)
        }
        if !stopWhenIdle || !isIdle { store.now = max(store.now, target) }
    }

    /// Restores saved pending work.
    func restore(_ items: [WorkItem]) {
        queue = [:]
        heap.removeAll()
        pendingCount = 0
        for item in items { enqueue(item.key, for: item.controller, at: item.due) }
    }

    /// Pending work as a sorted list (for saving).
    public var pendingItems: [WorkItem] {
        queue.flatMap { controller, keys in keys.map { WorkItem(due: $0.value, controller: controller, key: $0.key) } }.sorted()
    }
}
