import KubeModel

/// Which pods a budget covers and how many it expects (disruption.go v1.33 `getPodsForPdb`,
/// `getExpectedPodCount`, `getExpectedScale`).
enum DisruptionBudgetPods {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// policy/v1: a nil selector selects nothing, an empty one every pod of the namespace.
    static func matching(_ budget: PodDisruptionBudget, in store: Store) -> [Pod] {
        guard let selector = budget.spec?.selector else { return [] }
        return store.list(kind: "Pod", namespace: budget.metadata.namespace ?? "default").compactMap(\.pod)
            .filter { selector.matches($0.metadata.labels ?? [:]) }
    }

    /// (expectedPods, desiredHealthy). An integer minAvailable expects the matching pods and
    /// needs that many; a percentage minAvailable (rounded up) or maxUnavailable (rounded up,
    /// subtracted) is taken of the controllers' scale.
    static func expectedCount(_ budget: PodDisruptionBudget, pods: [Pod], in store: Store) throws -> (Int32, Int32) {
        let spec = budget.spec ?? PodDisruptionBudgetSpec()
        if let maxUnavailable = spec.maxUnavailable {
            let expected = try expectedScale(pods, in: store)
            guard let unavailable = maxUnavailable.scaledValue(total: Int(expected), roundUp: true) else {
                throw Failure(description: "invalid value for IntOrString: invalid value \"\(maxUnavailable)\"")
            }
            return (expected, max(expected - Int32(unavailable), 0))
        }
        if let minAvailable = spec.minAvailable {
            if case .int(let count) = minAvailable { return (Int32(pods.count), Int32(count)) }
            let expected = try expectedScale(pods, in: store)
            guard let available = minAvailable.scaledValue(total: Int(expected), roundUp: true) else {
                throw Failure(description: "invalid value for IntOrString: invalid value \"\(minAvailable)\"")
            }
            return (expected, Int32(available))
        }
        return (0, 0)
    }

    /// `getExpectedScale`: the sum of spec.replicas of the controllers of the pods, each counted
    /// once (a ReplicaSet owned by a Deployment counts as the Deployment). Pods without a
    /// controller are left out, as upstream does once it has warned about them.
    static func expectedScale(_ pods: [Pod], in store: Store) throws -> Int32 {
        var scales: [String: Int32] = [:]
        var seen = Set<String>()  // controllers already looked up: pods of one set share one
        for pod in pods {
            guard let reference = pod.metadata.ownerReferences?.first(where: { $0.controller == true }) else { continue }
            guard seen.insert(reference.uid).inserted else { continue }
            guard let owner = store.object(withUID: reference.uid) else {
                throw Failure(description: "found no controllers for pod \"\(pod.metadata.name ?? "")\"")
            }
            switch owner {
            case .replicaSet(let set):
                if let parent = ControllerRef.of(owner), case .deployment(let deployment)? = store.object(withUID: parent.uid) {
                    scales[deployment.metadata.uid ?? ""] = DeploymentUtil.replicas(deployment)
                } else {
                    scales[set.metadata.uid ?? ""] = DeploymentUtil.replicas(set)
                }
            case .statefulSet(let set):
                scales[set.metadata.uid ?? ""] = set.spec?.replicas ?? 1
            default:
                throw Failure(description: "found no controllers for pod \"\(pod.metadata.name ?? "")\"")
            }
        }
        return scales.values.reduce(0, +)
    }
}
