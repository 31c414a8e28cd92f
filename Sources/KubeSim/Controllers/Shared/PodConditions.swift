import KubeModel

/// The pod predicates the workload controllers share (upstream: `podutil.IsPodReady`,
/// `podutil.IsPodAvailable` in pkg/api/v1/pod/util.go, `controller.IsPodActive` in
/// pkg/controller/controller_utils.go).
public enum PodConditions {
    /// Not finished and not being deleted: the pods a ReplicaSet or Job counts.
    public static func isActive(_ pod: Pod) -> Bool {
        let phase = pod.status?.phase
        return phase != "Succeeded" && phase != "Failed" && pod.metadata.deletionTimestamp == nil
    }

    public static func isReady(_ pod: Pod) -> Bool {
        readyCondition(pod)?.status == "True"
    }

    public static func readyCondition(_ pod: Pod) -> PodCondition? {
        pod.status?.conditions?.first { $0.type == "Ready" }
    }

    /// Ready for at least `minReadySeconds` by `now` (the Ready condition's lastTransitionTime).
    public static func isAvailable(_ pod: Pod, minReadySeconds: Int64, at now: VirtualTime) -> Bool {
        guard let condition = readyCondition(pod), condition.status == "True" else { return false }
        if minReadySeconds <= 0 { return true }
        guard let since = condition.lastTransitionTime.flatMap(VirtualTime.init(rfc3339:)) else { return false }
        return since + .seconds(minReadySeconds) <= now
    }

    /// When a ready pod becomes available, for a requeue: nil if not ready or already available.
    public static func availableAt(_ pod: Pod, minReadySeconds: Int64) -> VirtualTime? {
        guard minReadySeconds > 0, let condition = readyCondition(pod), condition.status == "True",
              let since = condition.lastTransitionTime.flatMap(VirtualTime.init(rfc3339:)) else { return nil }
        return since + .seconds(minReadySeconds)
    }
}
