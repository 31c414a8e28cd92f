import KubeModel

/// The StatefulSet controller (pkg/controller/statefulset/stateful_set.go, v1.33): a set is
/// synced when it or one of its pods changes; the sync claims the set's pods (members by name
/// whose labels match, as `ClaimPods` with `isMemberOf`), runs `StatefulSetSync` and records the
/// status and the current revision's template. Everything it needs is read back from the store.
struct StatefulSetController: Controller {
    static let component = "statefulset-controller"
    /// Sorts after the scheduler and kubelets at one instant (see `DaemonSetController.name`).
    let name = "workloads.statefulset"
    let watchedKinds: Set<String>? = ["StatefulSet", "Pod"]
    let primaryKinds: Set<String>? = ["StatefulSet"]
    unowned let cluster: Cluster

    /// Upstream re-syncs failed keys with a rate-limited back-off; without a failure count we
    /// wait a fixed time before trying a refused write again.
    static let retryAfter = VirtualDuration.seconds(10)

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "StatefulSet":
            return event.type == .deleted ? [] : [event.key]
        case "Pod":
            if let ref = ControllerRef.of(event.object) {
                return ref.kind == "StatefulSet" ? [ObjectKey(kind: "StatefulSet", namespace: event.key.namespace, name: ref.name)] : []
            }
            // An orphan may be adopted by a set whose selector matches it (`getPodStatefulSets`).
            guard event.type != .deleted else { return [] }
            return store.list(kind: "StatefulSet", namespace: event.key.namespace).filter { object in
                guard case .statefulSet(let set) = object, let selector = set.spec?.selector, !selector.isEmpty else { return false }
                return selector.matches(event.object.withMetadata(\.labels) ?? [:])
            }.map(\.key)
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .statefulSet(var set)? = store.get(key) else { return .done }
        let client = ControllerClient(cluster)
        let candidates = store.list(kind: "Pod", namespace: key.namespace).filter { object in
            object.pod.map { StatefulSetIdentity.isMember($0, of: set) } ?? false
        }
        let pods = ControllerRef.claim(candidates, for: .statefulSet(set), selector: set.spec?.selector, in: client).compactMap(\.pod)
        let revisions = StatefulSetRevisions(set)
        var sync = StatefulSetSync(set: set, revisions: revisions, client: client, now: now)
        var status = sync.run(pods: pods)
        StatefulSetStatusRules.completeRollingUpdate(set, &status)
        status = StatefulSetStatusRules.normalized(status)

        // Status and the current revision's template in one write, re-read after the sync's own writes.
        if case .statefulSet(let live)? = store.get(key) { set = live }
        let annotation = revisions.annotation(forCurrent: status.currentRevision ?? revisions.updateName)
        if set.status != status || set.metadata.annotations?[StatefulSetRevisions.currentRevisionAnnotation] != annotation {
            set.status = status
            set.metadata.annotations = (set.metadata.annotations ?? [:]).merging([StatefulSetRevisions.currentRevisionAnnotation: annotation]) { $1 }
            client.updateStatus(.statefulSet(set))
        }
        if sync.errorCount > 0 { return .requeue(after: Self.retryAfter) }
        return availabilityRequeue(pods, minReadySeconds: Int64(set.spec?.minReadySeconds ?? 0), now: now)
    }

    /// With `minReadySeconds`, ready pods become available later with no event to say so:
    /// look again when the first one does (upstream re-enqueues after `minReadySeconds`).
    private func availabilityRequeue(_ pods: [Pod], minReadySeconds: Int64, now: VirtualTime) -> ReconcileResult {
        let due = pods.compactMap { PodConditions.availableAt($0, minReadySeconds: minReadySeconds) }.filter { $0 > now }.min()
        return due.map { .requeue(after: $0 - now) } ?? .done
    }
}
