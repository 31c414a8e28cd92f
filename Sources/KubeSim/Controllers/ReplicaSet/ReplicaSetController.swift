import KubeModel

/// Keeps `spec.replicas` pods matching a ReplicaSet's selector (pkg/controller/replicaset/replica_set.go,
/// v1.33 `syncReplicaSet`): claims pods (adopting matching orphans, releasing owned pods that no
/// longer match), creates or deletes the difference, then writes the status from what it found.
/// Everything it knows lives in the store; nothing is kept between reconciles (upstream's
/// expectations only guard a stale informer cache, which the simulator does not have).
struct ReplicaSetController: Controller {
    /// Work at one instant runs in controller-name order; this name sorts after `kubelet` and
    /// `scheduler`, so a burst of pod changes at one instant ends in one sync, as upstream's
    /// workqueue folds a burst of events for one key into one sync. (Events name the component
    /// `replicaset-controller`, as upstream.)
    let name = "workload-replicaset"
    let watchedKinds: Set<String>? = ["ReplicaSet", "Pod"]
    let primaryKinds: Set<String>? = ["ReplicaSet"]
    unowned let cluster: Cluster

    /// `burstReplicas`: at most this many creations or deletions per sync (the controller manager's default).
    static let burstReplicas = 500

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "ReplicaSet":
            return [event.key]
        case "Pod":
            // addPod/updatePod/deletePod: the owning ReplicaSet, or for an orphan every ReplicaSet
            // whose selector matches it (one of them may adopt it).
            if let reference = ControllerRef.of(event.object) {
                guard reference.kind == "ReplicaSet", let owner = store.object(withUID: reference.uid), owner.kind == "ReplicaSet" else { return [] }
                return [owner.key]
            }
            guard event.type != .deleted else { return [] }
            return matchingReplicaSets(for: event.object, in: store)
        default:
            return []
        }
    }

    /// `getPodReplicaSets`: ReplicaSets in the pod's namespace whose non-empty selector matches its labels.
    private func matchingReplicaSets(for pod: KubeObject, in store: Store) -> [ObjectKey] {
        let labels = pod.withMetadata(\.labels) ?? [:]
        return store.list(kind: "ReplicaSet", namespace: pod.withMetadata(\.namespace) ?? "default").compactMap { object in
            guard case .replicaSet(let set) = object, let selector = set.spec?.selector, !selector.isEmpty, selector.matches(labels) else { return nil }
            return object.key
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .replicaSet(let set)? = store.get(key) else { return .done }
        let client = ControllerClient(cluster)
        let object = KubeObject.replicaSet(set)
        // All pods of the namespace, so owned pods that stopped matching are released too;
        // finished and terminating pods do not count (controller.FilterActivePods).
        let active = store.list(kind: "Pod", namespace: key.namespace).filter { $0.pod.map(PodConditions.isActive) ?? false }
        let owned = ControllerRef.claim(active, for: object, selector: set.spec?.selector, in: client).compactMap(\.pod)
        var failure: APIError?
        if set.metadata.deletionTimestamp == nil {
            failure = ReplicaSetScaling(client: client, set: set, now: now).manage(owned)
        }
        let status = ReplicaSetStatusCalculation.status(of: set, pods: owned, failure: failure, at: now)
        var updated = set
        if status != set.status {
            updated.status = status
            client.updateStatus(.replicaSet(updated))
        }
        // A failed create or delete is retried (upstream: the rate-limited requeue of an error).
        if failure != nil { return .requeue(after: Self.retryAfterFailure) }
        return requeueForAvailability(updated, owned, failure: failure, at: now)
    }

    /// Upstream backs off exponentially per key (5ms doubling to 1000s), which is workqueue state;
    /// a fixed retry keeps the store the only state.
    static let retryAfterFailure = VirtualDuration.seconds(30)

    /// Upstream requeues after minReadySeconds once every pod is ready but not all are available,
    /// and also when a pod turns ready; here: when the next ready pod becomes available.
    private func requeueForAvailability(_ set: ReplicaSet, _ pods: [Pod], failure: APIError?, at now: VirtualTime) -> ReconcileResult {
        let minReadySeconds = Int64(set.spec?.minReadySeconds ?? 0)
        guard failure == nil, minReadySeconds > 0 else { return .done }
        let next = pods.compactMap { PodConditions.availableAt($0, minReadySeconds: minReadySeconds) }.filter { $0 > now }.min()
        guard let next else { return .done }
        return .requeue(after: next - now)
    }
}
