import KubeModel

/// The DaemonSet controller (pkg/controller/daemon/daemon_controller.go `syncDaemonSet`, v1.33):
/// a DaemonSet is synced when it, one of its pods or any node changes. The sync claims the
/// daemon's pods, runs `manage`, then (when `manage` had nothing to do) the rolling update, and
/// records the status. Pods are made for a node through `matchFields` node affinity and bound
/// by the scheduler, as upstream does since ScheduleDaemonSetPods.
struct DaemonSetController: Controller {
    static let component = "daemonset-controller"
    /// The runner breaks ties between items due at one instant by controller name; under
    /// `workloads.` this sorts after the scheduler and the kubelets, so a burst of pod updates at
    /// one instant costs one sync, as a workqueue coalesces them, rather than one per pod.
    let name = "workloads.daemonset"
    let watchedKinds: Set<String>? = ["DaemonSet", "Pod", "Node"]
    let primaryKinds: Set<String>? = ["DaemonSet"]
    unowned let cluster: Cluster

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "DaemonSet":
            return event.type == .deleted ? [] : [event.key]
        case "Pod":
            if let ref = ControllerRef.of(event.object) {
                return ref.kind == "DaemonSet" ? [ObjectKey(kind: "DaemonSet", namespace: event.key.namespace, name: ref.name)] : []
            }
            // An orphan may be adopted by a DaemonSet whose selector matches it.
            guard event.type != .deleted else { return [] }
            return store.list(kind: "DaemonSet", namespace: event.key.namespace).filter { object in
                guard case .daemonSet(let ds) = object, let selector = ds.spec?.selector, !selector.isEmpty else { return false }
                return selector.matches(event.object.withMetadata(\.labels) ?? [:])
            }.map(\.key)
        case "Node":
            // A node added, removed, relabelled or retainted may change where daemons run.
            return store.keys(kind: "DaemonSet")
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .daemonSet(let ds)? = store.get(key), ds.metadata.deletionTimestamp == nil else { return .done }
        let client = ControllerClient(cluster)
        let object = KubeObject.daemonSet(ds)
        guard let selector = ds.spec?.selector, !selector.isEmpty else {
            client.event("Warning", "SelectingAll", "This daemon set is selecting all pods. A non-empty selector is required.",
                         on: object, component: Self.component)
            return .done
        }
        let candidates = store.list(kind: "Pod", namespace: key.namespace)
        let pods = ControllerRef.claim(candidates, for: object, selector: selector, in: client).compactMap(\.pod)
        var sync = DaemonSetSync(ds: ds, pods: pods, nodes: store.nodes, podControl: PodControl(client, component: Self.component), now: now)
        let status = sync.computedStatus()
        sync.manage()
        if !sync.madeChanges, ds.spec?.updateStrategy?.type == "RollingUpdate" { sync.rollingUpdate() }
        if case .daemonSet(var live)? = store.get(key), live.status != status {
            live.status = status
            client.updateStatus(.daemonSet(live))
        }
        return sync.nextAvailability().map { .requeue(after: $0 - now) } ?? .done
    }
}
