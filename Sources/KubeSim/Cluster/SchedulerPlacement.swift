import KubeModel

/// Connects the cluster's scheduling step to the `Scheduler`: keeps a `SchedulerCache` of the
/// store (updated from what changed, not rebuilt per reconcile), places the pending pods one
/// after another with its `BatchScheduler` (which decides as `Scheduler.schedule` would) and maps
/// each result to a binding or an unschedulable outcome (message: the FitError text, as the
/// `FailedScheduling` event carries it).
public struct SchedulerPlacement: PodPlacement {
    /// A new scheduler starts a new cache: its equivalence classes ran the old plugins.
    public var scheduler: Scheduler { didSet { cache = SchedulerCache(scheduler: scheduler) } }
    private var cache: SchedulerCache

    public init(scheduler: Scheduler = Scheduler()) {
        self.scheduler = scheduler
        cache = SchedulerCache(scheduler: scheduler)
    }

    public func place(_ pod: Pod, in store: Store) -> PlacementOutcome {
        place([pod], in: store)[0]
    }

    public func place(_ pods: [Pod], in store: Store) -> [PlacementOutcome] {
        let batch = cache.sync(with: store)
        return pods.map { pod in
            switch batch.schedule(pod) {
            case .scheduled(let node, _):
                var assumed = pod
                assumed.spec?.nodeName = node
                if batch.bind(assumed, to: node, assumed: true), let position = batch.snapshot.index(ofNode: node) {
                    cache.assume(pod, onNode: position)
                }
                return .bind(node: node)
            case .unschedulable(let fitError, let preemption):
                let victims = preemption.victims.map { ObjectKey.pod($0.metadata.name ?? "", namespace: $0.metadata.namespace ?? "default") }
                return .unschedulable(message: fitError.message, nominatedNode: preemption.nominatedNodeName, victims: victims)
            }
        }
    }

    public func pendingPods(in store: Store) -> [Pod] { cache.pendingPods(in: store) }

    public var mayHaveWaitingPods: Bool { cache.mayHaveWaitingPods }

    /// The cache itself, for the test that compares it with a fresh snapshot.
    var cacheForTesting: SchedulerCache { cache }

    /// The scheduler's view of the store: nodes with their bound pods, plus the lookups plugins use.
    public static func snapshot(of store: Store, excluding excluded: ObjectKey? = nil) -> ClusterSnapshot {
        let pods = store.list(kind: "Pod").filter { object in
            object.key != excluded && object.withPod { ClusterSnapshot.node(counting: $0) != nil } == true
        }.compactMap(\.pod)
        return snapshot(of: store, nodeInfos: store.nodes.map { NodeInfo(node: $0) }, pods: pods)
    }

    /// `nodeInfos` with `pods` bound, and the store's lookups keyed as plugins find them.
    static func snapshot(of store: Store, nodeInfos: [NodeInfo], pods: [Pod]) -> ClusterSnapshot {
        func all<T>(_ kind: String, _ extract: (KubeObject) -> T?) -> [T] { store.list(kind: kind).compactMap(extract) }
        return ClusterSnapshot(
            nodeInfos: nodeInfos, pods: pods,
            persistentVolumeClaims: all("PersistentVolumeClaim") { if case .persistentVolumeClaim(let claim) = $0 { return claim } else { return nil } },
            persistentVolumes: all("PersistentVolume") { if case .persistentVolume(let volume) = $0 { return volume } else { return nil } },
            storageClasses: all("StorageClass") { if case .storageClass(let storageClass) = $0 { return storageClass } else { return nil } },
            namespaces: all("Namespace") { if case .namespace(let namespace) = $0 { return namespace } else { return nil } },
            priorityClasses: all("PriorityClass") { if case .priorityClass(let priorityClass) = $0 { return priorityClass } else { return nil } })
    }
}
