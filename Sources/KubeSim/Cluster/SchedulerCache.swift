import KubedrillSupport
import KubeModel

/// The scheduler's view of one store, kept between reconciles and brought up to date from what
/// changed, as kube-scheduler keeps its cache from informer events and refreshes its snapshot
/// by NodeInfo generation (pkg/scheduler/backend/cache/cache.go `UpdateSnapshot`, v1.33.0).
/// A pod or node whose uid or resourceVersion moved since the last look is read again; the
/// rest, and the `BatchScheduler` with its equivalence classes, is kept. What it holds equals a
/// fresh `SchedulerPlacement.snapshot(of:)`, pod order on each node included (preemption reads it).
final class SchedulerCache {
    /// Which write of an object was read (a recreated object has a new uid).
    struct Version: Equatable {
        var uid: String?
        var resourceVersion: String?

        init(_ object: KubeObject) {
            (uid, resourceVersion) = object.withMetadata { ($0.uid, $0.resourceVersion) }
        }

        /// Matches no stored object: the entry is read again at the next sync.
        private init() {}
        static let unread = Version()
    }

    private struct PodEntry {
        var version: Version
        /// The node whose `NodeInfo` counts the pod; nil when unbound, finished or on no known node.
        var position: Int?
        /// `PodInfo.key` (`namespace/name`, the namespace defaulted), how the node finds it.
        var podKey: String
    }

    let scheduler: Scheduler
    /// Held strongly: a weak reference gave the store a side table, and every retain and
    /// release of it (each controller's each reconcile) took the runtime's slow path. The
    /// store holds no controller, so this makes no cycle.
    private var store: Store?
    /// `store.revision` when last synced: an unchanged revision means nothing was written.
    @exclusivity(unchecked) private var revision: Int64 = -1
    @exclusivity(unchecked) private var batch: BatchScheduler?
    @exclusivity(unchecked) private var nodeKeys: [ObjectKey] = []
    @exclusivity(unchecked) private var nodeVersions: [Version] = []
    @exclusivity(unchecked) private var pods: [ObjectKey: PodEntry] = [:]
    /// The entries without `nodeName` and not being deleted (the scheduling queue's), kept up to
    /// date with them: filtering every entry for each scheduling cycle cost more than its pod.
    @exclusivity(unchecked) private var pendingKeys: Set<ObjectKey> = []
    /// `store.revision(ofKind:)` of the nodes, pods and lookups when last read.
    @exclusivity(unchecked) private var kindRevisions: [HashedString: Int64] = [:]
    /// The pending pods of the last `pendingPods` not placed since.
    @exclusivity(unchecked) private var waiting: Set<ObjectKey> = []
    /// Bindings `place` assumed and the store has not been re-read for (upstream `AssumePod`).
    @exclusivity(unchecked) private var assumed: [(key: ObjectKey, podKey: String, position: Int)] = []

    /// The kinds plugins look up besides nodes and pods; PriorityClass last, as changing one
    /// changes bound pods' priorities and so rebuilds everything.
    /// (Hashed once here: each sync asks about seven kinds.)
    private static let lookupKinds = ["PersistentVolumeClaim", "PersistentVolume", "StorageClass", "Namespace", "PriorityClass"].map(HashedString.init)

    init(scheduler: Scheduler) { self.scheduler = scheduler }

    /// The batch scheduler over the store as it is now, assumed bindings of earlier calls forgotten.
    func sync(with store: Store) -> BatchScheduler {
        if self.store !== store || store.revision < revision { (batch, kindRevisions) = (nil, [:]) }
        if let batch, revision == store.revision, assumed.isEmpty { return batch }
        self.store = store
        let lastRead = revision
        revision = store.revision
        let nodesChanged = kindChanged(.node, in: store)
        let nodeKeys = nodesChanged ? store.keys(kind: "Node") : self.nodeKeys
        let changedLookups = Self.lookupKinds.filter { kindChanged($0, in: store) }
        guard let batch, nodeKeys == self.nodeKeys, !changedLookups.contains(.priorityClass) else {
            return rebuild(store, nodeKeys)
        }
        let assumedKeys = assumed.map(\.key)
        for (key, podKey, position) in assumed {
            batch.remove(podKey: podKey, fromNode: position)
            pods[key]?.version = .unread
        }
        assumed = []
        batch.compact()
        if !changedLookups.isEmpty {
            let lookups = SchedulerPlacement.snapshot(of: store, nodeInfos: [], pods: [])
            batch.update { snapshot in
                snapshot.persistentVolumeClaims = lookups.persistentVolumeClaims
                snapshot.persistentVolumes = lookups.persistentVolumes
                snapshot.storageClasses = lookups.storageClasses
                snapshot.namespaceLabels = lookups.namespaceLabels
            }
        }
        for (position, key) in nodeKeys.enumerated() where nodesChanged {
            guard let object = store.get(key), Version(object) != nodeVersions[position], case .node(let node) = object else { continue }
            nodeVersions[position] = Version(object)
            batch.update { $0.updateNode(at: position, with: NodeInfo(node: node)) }
        }
        if kindChanged(.pod, in: store) || !assumedKeys.isEmpty {
            if let written = store.keysWritten(ofKind: "Pod", after: lastRead) {
                for key in assumedKeys { refresh(key, store, batch) }
                for key in written { refresh(key, store, batch) }
            } else {
                syncPods(store, batch)
            }
        }
        return batch
    }

    /// Records a binding `place` assumed, undone at the next sync, which reads the pod again.
    func assume(_ pod: Pod, onNode position: Int) {
        let namespace = pod.metadata.namespace ?? "default", name = pod.metadata.name ?? ""
        let key = ObjectKey.pod(name, namespace: namespace)
        assumed.append((key, String(concatenating: namespace, "/", name), position))
        waiting.remove(key)
    }

    /// False only when the queue was empty at the last look and every pod in it since was
    /// placed: a pod deleted then frees room for no one (upstream's `AssignedPodDelete` moves
    /// unschedulable pods back to the active queue; with none, no cycle runs). Pods created
    /// since queued their own cycle. Before the first look, unknown, so true.
    var mayHaveWaitingPods: Bool { revision < 0 || !waiting.isEmpty }

    /// The pods without `nodeName` that are not being deleted, in key order.
    func pendingPods(in store: Store) -> [Pod] {
        _ = sync(with: store)
        waiting = pendingKeys
        return pendingKeys.sorted().compactMap { store.get($0)?.pod }
    }

    private func rebuild(_ store: Store, _ nodeKeys: [ObjectKey]) -> BatchScheduler {
        store.followWrites(ofKind: "Pod")
        self.nodeKeys = nodeKeys
        nodeVersions = []
        var nodeInfos: [NodeInfo] = []
        for key in nodeKeys {
            guard let object = store.get(key), case .node(let node) = object else { continue }
            nodeVersions.append(Version(object))
            nodeInfos.append(NodeInfo(node: node))
        }
        let batch = BatchScheduler(scheduler: scheduler, snapshot: SchedulerPlacement.snapshot(of: store, nodeInfos: nodeInfos, pods: []))
        self.batch = batch
        (pods, pendingKeys) = ([:], [])
        assumed = []
        syncPods(store, batch)
        return batch
    }

    /// Re-reads every pod whose version moved and forgets the deleted ones (after a rebuild, or
    /// when the store's history no longer reaches back to the last sync).
    private func syncPods(_ store: Store, _ batch: BatchScheduler) {
        var known = 0
        for key in store.keys(kind: "Pod") {
            guard let object = store.get(key) else { continue }
            let version = Version(object)
            if let entry = pods[key] {
                known += 1
                if entry.version == version { continue }
            }
            read(key, object, version, batch)
        }
        guard known < pods.count else { return }
        // Listed first: removing while iterating the dictionary made it copy itself.
        for key in pods.keys.filter({ store.get($0) == nil }) {
            guard let entry = pods.removeValue(forKey: key) else { continue }
            pendingKeys.remove(key)
            if let position = entry.position { batch.remove(podKey: entry.podKey, fromNode: position) }
        }
    }

    /// Brings one pod up to date: read again if written since, forgotten if gone. A key the
    /// history lists twice is current the second time.
    private func refresh(_ key: ObjectKey, _ store: Store, _ batch: BatchScheduler) {
        guard let object = store.get(key) else {
            if let entry = pods.removeValue(forKey: key) {
                pendingKeys.remove(key)
                if let position = entry.position { batch.remove(podKey: entry.podKey, fromNode: position) }
            }
            return
        }
        let version = Version(object)
        // Compared where the entry lies: `pods[key]?.version` copied the entry out.
        if let index = pods.index(forKey: key), pods.values[index].version == version { return }
        read(key, object, version, batch)
    }

    private func read(_ key: ObjectKey, _ object: KubeObject, _ version: Version, _ batch: BatchScheduler) {
        guard case .pod(let pod) = object else { return }
        var previous: PodInfo?
        let entry = pods[key]
        if let entry, let position = entry.position { previous = batch.remove(podKey: entry.podKey, fromNode: position) }
        // Where a fresh snapshot counts it, if on a node it has.
        let position = ClusterSnapshot.node(counting: pod).flatMap(batch.snapshot.index(ofNode:))
        if let position {
            batch.insert(PodInfo.reread(pod, reusing: previous, priorityClasses: batch.snapshot.priorityClasses), atNode: position)
        }
        // The key names the same namespace and name as before: its text is kept, not joined again.
        let podKey = entry?.podKey ?? String(concatenating: pod.metadata.namespace ?? "default", "/", pod.metadata.name ?? "")
        pods[key] = PodEntry(version: version, position: position, podKey: podKey)
        if pod.awaitsScheduling { pendingKeys.insert(key) } else { pendingKeys.remove(key) }
    }

    /// True when some object of `kind` was added, changed or removed since the last call.
    private func kindChanged(_ kind: HashedString, in store: Store) -> Bool {
        let current = store.revision(ofKind: kind)
        if kindRevisions[kind] == current { return false }
        kindRevisions[kind] = current
        return true
    }
}
