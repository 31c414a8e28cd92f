import KubeModel

/// Keeps each PodDisruptionBudget's status (pkg/controller/disruption/disruption.go v1.33
/// `trySync`, `getExpectedPodCount`, `countHealthyPods`, `buildDisruptedPodMap`): how many
/// matching pods are healthy (ready and not being deleted or just evicted), how many must be,
/// and so how many may be disrupted now. The eviction API (`Cluster.evict`) reads and
/// decrements it.
struct DisruptionController: Controller {
    let name = "disruption"
    let watchedKinds: Set<String>? = ["PodDisruptionBudget", "Pod", "Deployment", "ReplicaSet", "StatefulSet"]
    let primaryKinds: Set<String>? = ["PodDisruptionBudget"]

    /// `DeletionTimeout`: an eviction not followed by the pod's deletion within 2 minutes is forgotten.
    static let deletionTimeout = VirtualDuration.minutes(2)

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "PodDisruptionBudget":
            return event.type == .deleted ? [] : [event.key]
        case "Pod":
            // addPod/updatePod/deletePod: the budgets whose selector matches the pod.
            let labels = event.object.withMetadata(\.labels) ?? [:]
            return budgets(in: event.key.namespace, store).filter { $0.spec?.selector?.matches(labels) == true }.map { KubeObject.podDisruptionBudget($0).key }
        case "Deployment", "ReplicaSet", "StatefulSet":
            // A scale change moves the expected count of percentage and maxUnavailable budgets.
            return budgets(in: event.key.namespace, store).map { KubeObject.podDisruptionBudget($0).key }
        default:
            return []
        }
    }

    private func budgets(in namespace: String, _ store: Store) -> [PodDisruptionBudget] {
        store.list(kind: "PodDisruptionBudget", namespace: namespace).compactMap {
            if case .podDisruptionBudget(let budget) = $0 { return budget } else { return nil }
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .podDisruptionBudget(var budget)? = store.get(key) else { return .done }
        let pods = DisruptionBudgetPods.matching(budget, in: store)
        var status = budget.status ?? PodDisruptionBudgetStatus()
        let (disrupted, recheck) = Self.disruptedPods(status.disruptedPods, pods: pods, at: now)
        status.disruptedPods = disrupted.isEmpty ? nil : disrupted.mapValues(\.rfc3339)
        status.observedGeneration = budget.metadata.generation
        var conditions = status.conditions ?? []
        do {
            let (expected, desired) = try DisruptionBudgetPods.expectedCount(budget, pods: pods, in: store)
            let healthy = Self.countHealthy(pods, disrupted: disrupted, at: now)
            status.currentHealthy = healthy
            status.desiredHealthy = desired
            status.expectedPods = expected
            status.disruptionsAllowed = expected <= 0 ? 0 : max(healthy - desired, 0)
            Self.setAllowedCondition(&conditions, allowed: status.disruptionsAllowed > 0, at: now)
        } catch {
            // `failSafe`: no disruptions while the budget cannot be computed.
            status.disruptionsAllowed = 0
            Self.setCondition(&conditions, status: "False", reason: "SyncFailed", message: "\(error)", at: now)
        }
        status.conditions = conditions
        if status != budget.status {
            budget.status = status
            store.updateStatus(.podDisruptionBudget(budget))
        }
        return recheck.map { .requeue(after: $0 - now) } ?? .done
    }

    /// `countHealthyPods`: ready pods not being deleted and not evicted in the last 2 minutes.
    static func countHealthy(_ pods: [Pod], disrupted: [String: VirtualTime], at now: VirtualTime) -> Int32 {
        var healthy: Int32 = 0
        for pod in pods where pod.metadata.deletionTimestamp == nil && PodConditions.isReady(pod) {
            if let evicted = disrupted[pod.metadata.name ?? ""], evicted + deletionTimeout > now { continue }
            healthy += 1
        }
        return healthy
    }

    /// `buildDisruptedPodMap`: evictions whose pod is gone or being deleted are done; ones older
    /// than the timeout are dropped; the earliest expiry is when to look again.
    static func disruptedPods(_ recorded: [String: String]?, pods: [Pod], at now: VirtualTime) -> ([String: VirtualTime], VirtualTime?) {
        var kept: [String: VirtualTime] = [:]
        var recheck: VirtualTime?
        guard let recorded, !recorded.isEmpty else { return (kept, recheck) }
        let live = Dictionary(pods.map { ($0.metadata.name ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for (name, text) in recorded {
            guard let pod = live[name], pod.metadata.deletionTimestamp == nil, let time = VirtualTime(rfc3339: text) else { continue }
            let expiry = time + deletionTimeout
            if expiry <= now { continue }
            kept[name] = time
            recheck = min(recheck ?? expiry, expiry)
        }
        return (kept, recheck)
    }

    /// `UpdateDisruptionAllowedCondition` (pkg/apis/policy/helper): SufficientPods or InsufficientPods.
    static func setAllowedCondition(_ conditions: inout [Condition], allowed: Bool, at now: VirtualTime) {
        setCondition(&conditions, status: allowed ? "True" : "False", reason: allowed ? "SufficientPods" : "InsufficientPods", message: "", at: now)
    }

    /// `apimeta.SetStatusCondition` on the DisruptionAllowed condition.
    static func setCondition(_ conditions: inout [Condition], status: String, reason: String, message: String, at now: VirtualTime) {
        var condition = conditions.first { $0.type == "DisruptionAllowed" } ?? Condition()
        if condition.type.isEmpty || condition.status != status { condition.lastTransitionTime = now.rfc3339 }
        condition.type = "DisruptionAllowed"
        condition.status = status
        condition.reason = reason
        condition.message = message
        conditions.removeAll { $0.type == "DisruptionAllowed" }
        conditions.append(condition)
    }
}
