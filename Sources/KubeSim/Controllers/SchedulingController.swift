import KubedrillSupport
import KubeModel

/// The scheduling step: pods without `nodeName` go to the cluster's `PodPlacement` (the
/// scheduler). A bound pod gets the `PodScheduled` condition and upstream's `Scheduled` event
/// (`Successfully assigned default/web to worker-1`, pkg/scheduler/schedule_one.go); an
/// unschedulable one the `Unschedulable` condition and a `FailedScheduling` warning.
///
/// Like kube-scheduler's activeQ (pkg/scheduler/backend/queue, PrioritySort) the pending pods
/// form one queue, taken highest priority first, then oldest, and placed one after another
/// against one snapshot: a ReplicaSet's 1,000 new pods cost one look at the store, not 1,000.
struct SchedulingController: Controller {
    let name = "scheduler"
    let watchedKinds: Set<String>? = Set(["Pod", "Node"]).union(VolumeBinding.eventsToRegister)
    unowned let cluster: Cluster

    /// The single key the whole queue is reconciled under.
    static let queueKey = ObjectKey(kind: "SchedulingQueue", name: "active")

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "Pod":
            if event.type == .deleted {  // a pod leaving frees room, for pods waiting for it
                return cluster.placement?.mayHaveWaitingPods == true ? [Self.queueKey] : []
            }
            guard event.object.withPod({ $0.$spec.read(\.nodeName) == nil }) == true else { return [] }
            return [Self.queueKey]
        case "Node":
            return [Self.queueKey]
        case let kind where VolumeBinding.eventsToRegister.contains(kind):
            // A claim, volume or class that appears or becomes bindable may make a pending pod fit.
            return VolumeBinding.mayMakePodsSchedulable(event) ? [Self.queueKey] : []
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard let placement = cluster.placement else { return .done }
        let pending = placement.pendingPods(in: store).sorted(by: Self.queueOrder)
        guard !pending.isEmpty else { return .done }
        for (pod, outcome) in zip(pending, placement.place(pending, in: store)) {
            apply(outcome, to: pod, in: store, at: now)
        }
        return .done
    }

    /// PrioritySort's `Less`: higher priority first, then the earlier creation (ties by name,
    /// so runs are reproducible).
    static func queueOrder(_ lhs: Pod, _ rhs: Pod) -> Bool {
        let left = lhs.spec?.priority ?? 0, right = rhs.spec?.priority ?? 0
        if left != right { return left > right }
        let leftTime = lhs.metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? .zero
        let rightTime = rhs.metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? .zero
        if leftTime != rightTime { return leftTime < rightTime }
        return (lhs.metadata.namespace ?? "", lhs.metadata.name ?? "") < (rhs.metadata.namespace ?? "", rhs.metadata.name ?? "")
    }

    private func apply(_ outcome: PlacementOutcome, to pod: Pod, in store: Store, at now: VirtualTime) {
        var pod = pod
        let key = ObjectKey.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default")
        var condition = PodCondition()
        condition.type = "PodScheduled"
        condition.lastTransitionTime = store.rfc3339(now)
        switch outcome {
        case .bind(let node):
            pod.spec?.nodeName = node
            condition.status = "True"
            PodStatusWriter.setCondition(condition, on: &pod)
            let bound = KubeObject.pod(pod)  // wrapped once: each wrapping copies the pod into a new box
            store.updateStatus(bound, at: key)
            VolumeBinding.preBind(pod, nodeName: node, in: store)
            store.record("Normal", "Scheduled", String(concatenating: "Successfully assigned ", key.namespace, "/", key.name, " to ", node), on: bound, component: "default-scheduler")
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
        setCondition(condition, on: &status)
        pod.status = status
    }

    /// The same on a status being built, so that setting several costs one write of the pod's.
    static func setCondition(_ condition: PodCondition, on status: inout PodStatus) {
        // Edited in place: a copy of the list taken out and written back copied every condition.
        guard let index = status.conditions?.firstIndex(where: { $0.type == condition.type }) else {
            if status.conditions == nil { status.conditions = [condition] } else { status.conditions?.append(condition) }
            return
        }
        let keepsTime = status.conditions?[index].status == condition.status
        let since = status.conditions?[index].lastTransitionTime
        status.conditions?[index] = condition
        if keepsTime { status.conditions?[index].lastTransitionTime = since }
    }
}
