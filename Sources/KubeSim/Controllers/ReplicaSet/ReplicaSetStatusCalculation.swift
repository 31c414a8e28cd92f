import KubeModel

/// `calculateStatus` and `updateReplicaSetStatus` (pkg/controller/replicaset/replica_set_utils.go,
/// v1.33): counts of the claimed active pods, and the ReplicaFailure condition while creating or
/// deleting fails (reason `FailedCreate` or `FailedDelete`, message the API error).
enum ReplicaSetStatusCalculation {
    static func status(of set: ReplicaSet, pods: [Pod], failure: APIError?, at now: VirtualTime) -> ReplicaSetStatus {
        var status = set.status ?? ReplicaSetStatus()
        let templateLabels = set.spec?.template?.metadata?.labels ?? [:]
        let minReadySeconds = Int64(set.spec?.minReadySeconds ?? 0)
        var fullyLabeled: Int32 = 0, ready: Int32 = 0, available: Int32 = 0
        for pod in pods {
            let labels = pod.metadata.labels ?? [:]
            if templateLabels.allSatisfy({ labels[$0.key] == $0.value }) { fullyLabeled += 1 }
            if PodConditions.isReady(pod) {
                ready += 1
                if PodConditions.isAvailable(pod, minReadySeconds: minReadySeconds, at: now) { available += 1 }
            }
        }
        let existing = status.conditions?.first { $0.type == "ReplicaFailure" }
        if let failure, existing == nil {
            let difference = pods.count - Int(set.spec?.replicas ?? 1)
            var condition = ReplicaSetCondition()
            condition.type = "ReplicaFailure"
            condition.status = "True"
            condition.reason = difference < 0 ? "FailedCreate" : (difference > 0 ? "FailedDelete" : nil)
            condition.message = failure.message
            condition.lastTransitionTime = now.rfc3339
            status.conditions = (status.conditions ?? []) + [condition]
        } else if failure == nil, existing != nil {
            let kept = (status.conditions ?? []).filter { $0.type != "ReplicaFailure" }
            status.conditions = kept.isEmpty ? nil : kept
        }
        status.replicas = Int32(pods.count)
        // These three are `omitempty` upstream: zero is left out of the object.
        status.fullyLabeledReplicas = fullyLabeled == 0 ? nil : fullyLabeled
        status.readyReplicas = ready == 0 ? nil : ready
        status.availableReplicas = available == 0 ? nil : available
        status.observedGeneration = set.metadata.generation ?? 1
        return status
    }
}
