import KubeModel

/// Schedules pods one after another against one snapshot, assuming each binding, as
/// kube-scheduler's loop does against its cache; decides exactly what `Scheduler.schedule` decides
/// on the same snapshot, only faster.
///
/// Pods with the same `PodSignature` share an `EquivalenceClass`: their per-node verdicts and raw
/// scores, computed once and updated only for the nodes that got or lost a pod since the class
/// last looked (`changes`). Pods without a signature, pods no node fits (their `FitError` needs
/// every node's reasons, and preemption runs), and clusters where some bound pod has pod
/// (anti-)affinity take the exhaustive `Scheduler.schedule`.
public final class BatchScheduler {
    /// One pod bound to (`delta` 1) or removed from (-1) the node at `position`.
    struct Change {
        let position: Int32
        let pod: PodInfo
        let delta: Int32
    }

    private enum Entry {
        case cached(EquivalenceClass)
        /// The signature's pods need a plugin that looks beyond one node.
        case exhaustive
    }

    // Hot properties skip the run-time exclusivity check, as the store's and the equivalence
    // classes' do.
    public let scheduler: Scheduler
    @exclusivity(unchecked) public private(set) var snapshot: ClusterSnapshot
    @exclusivity(unchecked) private var classes: [PodSignature: Entry] = [:]
    @exclusivity(unchecked) private var changes: [Change] = []
    /// Per node: its place among the node names sorted, for `Scheduler.schedule`'s tie-break.
    private let nameRanks: [Int32]
    /// How many decisions came from an `EquivalenceClass` (the rest were exhaustive).
    @exclusivity(unchecked) private(set) var fastDecisions = 0
    /// The pod `schedule` last looked at, whose parsed form `bind` reuses.
    @exclusivity(unchecked) private var lastScheduled: PodInfo?

    public init(scheduler: Scheduler = Scheduler(), snapshot: ClusterSnapshot) {
        self.scheduler = scheduler
        self.snapshot = snapshot
        var ranks = [Int32](repeating: 0, count: snapshot.nodes.count)
        let sorted = snapshot.nodes.indices.sorted { (snapshot.nodes[$0].name, $0) < (snapshot.nodes[$1].name, $1) }
        for (rank, position) in sorted.enumerated() { ranks[position] = Int32(rank) }
        nameRanks = ranks
    }

    /// The decision `Scheduler.schedule(pod, in: snapshot)` makes. When the pod is scheduled
    /// without the exhaustive path, `scores` holds only the chosen node's total.
    public func schedule(_ pod: Pod) -> SchedulingResult {
        let info = PodInfo(pod, priorityClasses: snapshot.priorityClasses)
        lastScheduled = info
        if let node = fastChoice(info) { return node }
        return scheduler.schedule(info, in: snapshot)
    }

    /// Records `pod` as running on `nodeName`; false when there is no such node. `assumed` says
    /// `pod` is the one just scheduled with only `spec.nodeName` set, which the caller knows and
    /// this would otherwise find out by comparing the two pods field by field.
    @discardableResult
    public func bind(_ pod: Pod, to nodeName: String, assumed: Bool = false) -> Bool {
        guard let position = snapshot.index(ofNode: nodeName) else { return false }
        let info: PodInfo
        if let last = lastScheduled, assumed || Self.isSame(pod, assumedFrom: last.pod) {
            info = PodInfo(last, assumedOn: pod)
        } else {
            info = PodInfo(pod, priorityClasses: snapshot.priorityClasses)
        }
        snapshot.bind(info, to: nodeName)
        changes.append(Change(position: Int32(position), pod: info, delta: 1))
        return true
    }

    /// How far behind a class may fall before starting over is cheaper: catching up refreshes
    /// at most every node once, after a cheap pass over the changes.
    private static func catchUpLimit(nodes: Int) -> Int { max(nodes, 64) }

    /// A pod the store shows bound, placed where a fresh snapshot has it (`SchedulerCache`).
    func insert(_ pod: PodInfo, atNode position: Int) {
        snapshot.insertPod(pod, at: position)
        changes.append(Change(position: Int32(position), pod: pod, delta: 1))
    }

    /// A pod that left the node at `position` (deleted, finished, or an assumed binding the store
    /// does not show).
    @discardableResult
    func remove(podKey key: String, fromNode position: Int) -> PodInfo? {
        guard let removed = snapshot.removePod(key: key, at: position) else { return nil }
        changes.append(Change(position: Int32(position), pod: removed, delta: -1))
        return removed
    }

    /// A node or a lookup (claims, classes, namespaces) changed: every class may read it, so all
    /// start over.
    func update(_ change: (inout ClusterSnapshot) -> Void) {
        change(&snapshot)
        classes = [:]
        changes = []
    }

    /// Bounds what the cache keeps between reconciles: the change log is folded into the classes
    /// (those too far behind are dropped), and too many classes are dropped together.
    func compact() {
        if classes.count > 256 { classes = [:] }
        guard changes.count > 4 * Self.catchUpLimit(nodes: snapshot.nodes.count) else { return }
        for (signature, entry) in classes {
            guard case .cached(let existing) = entry else { continue }
            if changes.count - existing.syncedTo <= Self.catchUpLimit(nodes: snapshot.nodes.count) {
                existing.catchUp(changes[existing.syncedTo...], snapshot)
                existing.rebase()
            } else {
                classes[signature] = nil
            }
        }
        changes = []
    }

    /// `pod` is `scheduled` with only `spec.nodeName` set, as callers assume a binding.
    private static func isSame(_ pod: Pod, assumedFrom scheduled: Pod) -> Bool {
        var unbound = pod
        unbound.spec?.nodeName = scheduled.spec?.nodeName
        return unbound == scheduled
    }

    private func fastChoice(_ pod: PodInfo) -> SchedulingResult? {
        guard snapshot.podsWithAffinityCount == 0, snapshot.podsWithRequiredAntiAffinityCount == 0,
              let signature = PodSignature(pod), let equivalent = equivalenceClass(signature, pod),
              let choice = equivalent.choose(nameRanks: nameRanks) else { return nil }
        fastDecisions += 1
        let name = snapshot.nodes[choice.position].name
        // Upstream: "When only one node after predicate, just use it" (no scores).
        return .scheduled(node: name, scores: [NodeScore(name: name, score: choice.feasibleCount == 1 ? 0 : choice.total)])
    }

    private func equivalenceClass(_ signature: PodSignature, _ pod: PodInfo) -> EquivalenceClass? {
        switch classes[signature] {
        case .exhaustive:
            return nil
        case .cached(let existing) where changes.count - existing.syncedTo <= Self.catchUpLimit(nodes: snapshot.nodes.count):
            existing.catchUp(changes[existing.syncedTo...], snapshot)
            return existing
        case .cached, nil:
            // New, or so far behind that starting over costs less than catching up.
            let created = EquivalenceClass(pod, scheduler.framework, snapshot, syncedTo: changes.count)
            classes[signature] = created.map(Entry.cached) ?? .exhaustive
            return created
        }
    }
}
