import KubeModel

/// Node taints from node state and taint-based eviction
/// (pkg/controller/nodelifecycle/node_lifecycle_controller.go and its NoExecute taint manager;
/// https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions):
/// a NotReady node gets `node.kubernetes.io/unreachable` NoSchedule and NoExecute taints, an
/// unschedulable one `node.kubernetes.io/unschedulable:NoSchedule`. Pods that do not tolerate a
/// NoExecute taint are deleted at once; those tolerating it for `tolerationSeconds` (300 by
/// default, from the DefaultTolerationSeconds plugin) are deleted when that time has passed.
struct NodeLifecycleController: Controller {
    let name = "nodelifecycle"
    let watchedKinds: Set<String>? = ["Node"]
    static let unreachable = "node.kubernetes.io/unreachable"
    static let unschedulable = "node.kubernetes.io/unschedulable"

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        event.key.kind == "Node" && event.type != .deleted ? [event.key] : []
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .node(var node)? = store.get(key) else { return .done }
        var taints = node.spec?.taints ?? []
        func want(_ taintKey: String, _ effect: String, _ present: Bool) {
            let has = taints.contains { $0.key == taintKey && $0.effect == effect }
            if present, !has {
                var taint = Taint()
                taint.key = taintKey
                taint.effect = effect
                if effect == "NoExecute" { taint.timeAdded = now.rfc3339 }
                taints.append(taint)
            } else if !present, has {
                taints.removeAll { $0.key == taintKey && $0.effect == effect }
            }
        }
        want(Self.unreachable, "NoSchedule", !node.isReady)
        want(Self.unreachable, "NoExecute", !node.isReady)
        want(Self.unschedulable, "NoSchedule", node.spec?.unschedulable == true)
        if taints != (node.spec?.taints ?? []) {
            var spec = node.spec ?? NodeSpec()
            spec.taints = taints.isEmpty ? nil : taints
            node.spec = spec
            store.updateStatus(.node(node))
        }
        return evictPods(on: node, taints: taints, store: store, now: now)
    }

    /// The NoExecute taint manager for one node.
    private func evictPods(on node: Node, taints: [Taint], store: Store, now: VirtualTime) -> ReconcileResult {
        let noExecute = taints.filter { $0.effect == "NoExecute" }
        guard !noExecute.isEmpty else { return .done }
        var nextDue: Int64?
        for pod in store.pods where pod.spec?.nodeName == node.metadata.name && pod.metadata.deletionTimestamp == nil {
            var deadline: Int64?  // nil: every taint tolerated for ever
            for taint in noExecute {
                let added = taint.timeAdded.flatMap { VirtualTime(rfc3339: $0) }?.seconds ?? now.seconds
                guard let toleration = (pod.spec?.tolerations ?? []).first(where: { Self.tolerates($0, taint) }) else {
                    deadline = now.seconds
                    break
                }
                if let seconds = toleration.tolerationSeconds { deadline = min(deadline ?? Int64.max, added + seconds) }
            }
            guard let due = deadline else { continue }
            if due <= now.seconds {
                store.record("Normal", "TaintManagerEviction", "Marking for deletion Pod \(pod.metadata.namespace ?? "default")/\(pod.metadata.name ?? "")",
                             on: .pod(pod), component: "taint-eviction-controller")
                // The kubelet of an unreachable node cannot finish a graceful deletion; the pod object stays Terminating upstream until the node returns. Kept simple here: it goes at once.
                store.remove(ObjectKey.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default"))
            } else {
                nextDue = min(nextDue ?? due, due)
            }
        }
        return nextDue.map { .requeue(after: .seconds($0 - now.seconds)) } ?? .done
    }

    /// `Toleration.ToleratesTaint` (k8s.io/api/core/v1/toleration.go).
    static func tolerates(_ toleration: Toleration, _ taint: Taint) -> Bool {
        if let effect = toleration.effect, !effect.isEmpty, effect != taint.effect { return false }
        if let key = toleration.key, !key.isEmpty, key != taint.key { return false }
        switch toleration.operator ?? "Equal" {
        case "Exists": return true
        default: return (toleration.value ?? "") == (taint.value ?? "")
        }
    }
}
