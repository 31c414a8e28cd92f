import KubeModel

/// The pod `eviction` subresource (pkg/registry/core/pod/storage/eviction.go v1.33): a delete
/// that first asks the pod's PodDisruptionBudget. Refusals are 429 TooManyRequests, which
/// `kubectl drain` retries.
extension Cluster {
    public static let disruptionBudgetMessage = "Cannot evict pod as it would violate the pod's disruption budget."

    /// Evicts a pod: deleted gracefully when no budget covers it, when it does not count for
    /// its budget (finished, pending or already terminating, `canIgnorePDB`), when it is
    /// unhealthy and the budget is met anyway, or when the budget allows a disruption, which is
    /// then taken off `disruptionsAllowed` and noted in `disruptedPods`.
    public func evict(_ key: ObjectKey) throws {
        guard case .pod(let pod)? = store.get(key) else { throw APIError.notFound(key) }
        if try mayEvictWithoutBudget(pod) {
            GracefulDeletion.delete(.pod(pod), in: store, gracePeriod: nil)
            return
        }
        guard var budget = budgets(covering: pod).first else { return }
        var status = budget.status ?? PodDisruptionBudgetStatus()
        if (status.observedGeneration ?? 0) < (budget.metadata.generation ?? 1) || status.disruptionsAllowed == 0 {
            throw APIError(reason: "TooManyRequests", message: Self.disruptionBudgetMessage)
        }
        if status.disruptionsAllowed < 0 {
            throw APIError(reason: "Forbidden", message: "poddisruptionbudgets.policy \"\(budget.metadata.name ?? "")\" is forbidden: pdb disruptions allowed is negative")
        }
        status.disruptionsAllowed -= 1
        var conditions = status.conditions ?? []
        if status.disruptionsAllowed == 0 { DisruptionController.setAllowedCondition(&conditions, allowed: false, at: now) }
        status.conditions = conditions
        status.disruptedPods = (status.disruptedPods ?? [:]).merging([key.name: now.rfc3339]) { _, new in new }
        budget.status = status
        store.updateStatus(.podDisruptionBudget(budget))
        GracefulDeletion.delete(.pod(pod), in: store, gracePeriod: nil)
    }

    /// True when the eviction needs no budget decrement; throws when more than one budget covers the pod.
    private func mayEvictWithoutBudget(_ pod: Pod) throws -> Bool {
        let phase = pod.status?.phase ?? "Pending"
        if ["Succeeded", "Failed", "Pending"].contains(phase) || pod.metadata.deletionTimestamp != nil { return true }
        let budgets = budgets(covering: pod)
        if budgets.count > 1 {
            throw APIError(reason: "InternalError", message: "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.")
        }
        guard let budget = budgets.first else { return true }
        guard !PodConditions.isReady(pod) else { return false }
        // An unhealthy pod does not count towards the budget: AlwaysAllow evicts it, and the
        // default IfHealthyBudget does when the budget is met without it.
        if budget.spec?.unhealthyPodEvictionPolicy == "AlwaysAllow" { return true }
        let status = budget.status ?? PodDisruptionBudgetStatus()
        return status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0
    }

    private func budgets(covering pod: Pod) -> [PodDisruptionBudget] {
        let labels = pod.metadata.labels ?? [:]
        return store.list(kind: "PodDisruptionBudget", namespace: pod.metadata.namespace ?? "default").compactMap { object in
            guard case .podDisruptionBudget(let budget) = object, let selector = budget.spec?.selector, selector.matches(labels) else { return nil }
            return budget
        }
    }
}
