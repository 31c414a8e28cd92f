import KubeModel

/// The scheduling step: pods without `nodeName` go to the cluster's `PodPlacement` (the
/// scheduler). A bound pod gets the `PodScheduled` condition and upstream's `Scheduled` event
/// (`Successfully assigned default/web to worker-1`, pkg/scheduler/schedule_one.go); an
/// unschedulable one the `Unschedulable` condition and a `FailedScheduling` warning.
struct SchedulingController: Controller {
    let name = "scheduler"
    unowned let cluster: Cluster

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "Pod":
            guard event.type != .deleted, case .pod(let pod) = event.object, pod.spec?.nodeName == nil else {
                // A pod leaving frees room: pending pods get another try.
                return event.type == .deleted ? pendingPods(store) : []
            }
            return [event.key]
        case "Node":
            return pendingPods(store)
        default:
            return []
        }
    }

    private func pendingPods(_ store: Store) -> [ObjectKey] {
        store.pods.filter { $0.spec?.nodeName == nil && $0.metadata.deletionTimestamp == nil }.map { ObjectKey.pod($0.metadata.name ?? "", namespace: $0.metadata.namespace ?? "default") }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard let placement = cluster.placement, case .pod(var pod)? = store.get(key), pod.spec?.nodeName == nil,
              pod.metadata.deletionTimestamp == nil else { return .done }
        var condition = PodCondition()
        condition.type = "PodScheduled"
        condition.lastTransitionTime = now.rfc3339
        switch placement.place(pod, in: store) {
        case .bind(let node):
            pod.spec?.nodeName = node
            condition.status = "True"
            PodStatusWriter.setCondition(condition, on: &pod)
            store.updateStatus(.pod(pod))
            store.record("Normal", "Scheduled", "Successfully assigned \(key.namespace)/\(key.name) to \(node)", on: .pod(pod), component: "default-scheduler")
        case .unschedulable(let message, let nominated, let victims):
            condition.status = "False"
            condition.reason = "Unschedulable"
            condition.message = message
            if PodStatusWriter.condition("PodScheduled", of: pod)?.message != message || pod.status?.nominatedNodeName != nominated {
                PodStatusWriter.setCondition(condition, on: &pod)
                pod.status?.nominatedNodeName = nominated
                store.updateStatus(.pod(pod))
                store.record("Warning", "FailedScheduling", message, on: .pod(pod), component: "default-scheduler")
            }
            for victim in victims {
                if let object = store.get(victim) {
                    store.record("Normal", "Preempted", "Preempted by pod \(pod.metadata.uid ?? "") on node \(nominated ?? "")", on: object, component: "default-scheduler")
                    GracefulDeletion.delete(object, in: store, gracePeriod: nil)
                }
            }
        }
        return .done
    }
}

/// Small helpers for pod status conditions.
enum PodStatusWriter {
    static func condition(_ type: String, of pod: Pod) -> PodCondition? {
        pod.status?.conditions?.first { $0.type == type }
    }

    /// Sets a condition, keeping `lastTransitionTime` when the status does not change.
    static func setCondition(_ condition: PodCondition, on pod: inout Pod) {
        var status = pod.status ?? PodStatus()
        var conditions = status.conditions ?? []
        var condition = condition
        if let index = conditions.firstIndex(where: { $0.type == condition.type }) {
            if conditions[index].status == condition.status { condition.lastTransitionTime = conditions[index].lastTransitionTime }
            conditions[index] = condition
        } else {
            conditions.append(condition)
        }
        status.conditions = conditions
        pod.status = status
    }
}
