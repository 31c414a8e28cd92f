import KubeModel

/// Pod garbage collection of orphans (pkg/controller/podgc/gc_controller.go `gcOrphaned`, v1.33):
/// a pod bound to a node that no longer exists is marked Failed with a `DisruptionTarget`
/// condition (`DeletionByPodGC`, "PodGC: node no longer exists") and deleted at once, since no
/// kubelet is left to finish it. Upstream waits a 40-second quarantine to rule out a stale
/// informer cache and checks every 20 seconds; the simulator's single store has no stale view,
/// so the pod goes when its node does.
struct PodGCController: Controller {
    let name = "podgc"
    let watchedKinds: Set<String>? = ["Node", "Pod"]

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch (event.key.kind, event.type) {
        case ("Node", .deleted):
            return store.pods.filter { $0.spec?.nodeName == event.key.name }.map {
                ObjectKey.pod($0.metadata.name ?? "", namespace: $0.metadata.namespace ?? "default")
            }
        case ("Pod", .added), ("Pod", .modified):
            guard let node = event.object.withPod({ $0.$spec.read(\.nodeName) }) ?? nil, !node.isEmpty, store.get(.node(node)) == nil else { return [] }
            return [event.key]
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .pod(var pod)? = store.get(key), let node = pod.spec?.nodeName, !node.isEmpty,
              store.get(.node(node)) == nil else { return .done }
        // markFailedAndDeletePodWithCondition, then a deletion with grace period 0.
        var condition = PodCondition()
        condition.type = "DisruptionTarget"
        condition.status = "True"
        condition.reason = "DeletionByPodGC"
        condition.message = "PodGC: node no longer exists"
        condition.lastTransitionTime = now.rfc3339
        PodStatusWriter.setCondition(condition, on: &pod)
        if pod.status?.phase != "Succeeded" && pod.status?.phase != "Failed" { pod.status?.phase = "Failed" }
        store.updateStatus(.pod(pod))
        store.remove(key)
        return .done
    }
}
