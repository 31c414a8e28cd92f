import KubeModel

/// How a StatefulSet counts its pods into `status` (stateful_set_control.go `computeReplicaStatus`,
/// `updateStatus`; stateful_set_utils.go `completeRollingUpdate`, `inconsistentStatus`), v1.33.
enum StatefulSetStatusRules {
    /// `isCreated`: the API server has given the pod a phase (placeholders have none).
    static func isCreated(_ pod: Pod) -> Bool { !(pod.status?.phase ?? "").isEmpty }

    /// `isRunningAndReady`.
    static func isRunningAndReady(_ pod: Pod) -> Bool { pod.status?.phase == "Running" && PodConditions.isReady(pod) }

    static func isTerminating(_ pod: Pod) -> Bool { pod.metadata.deletionTimestamp != nil }

    /// `isHealthy`: running, ready and not being deleted.
    static func isHealthy(_ pod: Pod) -> Bool { isRunningAndReady(pod) && !isTerminating(pod) }

    /// Resets and recounts replicas, ready, available, current and updated pods.
    static func count(_ pods: [Pod], into status: inout StatefulSetStatus, minReadySeconds: Int64,
                      currentRevision: String, updateRevision: String, now: VirtualTime) {
        var replicas: Int32 = 0, ready: Int32 = 0, available: Int32 = 0, current: Int32 = 0, updated: Int32 = 0
        for pod in pods {
            let created = isCreated(pod)
            if created { replicas += 1 }
            if isRunningAndReady(pod) {
                ready += 1
                if PodConditions.isAvailable(pod, minReadySeconds: minReadySeconds, at: now) { available += 1 }
            }
            if created, !isTerminating(pod) {
                let revision = StatefulSetIdentity.revision(pod)
                if revision == currentRevision { current += 1 }
                if revision == updateRevision { updated += 1 }
            }
        }
        status.replicas = replicas
        status.readyReplicas = ready
        status.availableReplicas = available
        status.currentReplicas = current
        status.updatedReplicas = updated
    }

    /// `completeRollingUpdate`: once every replica is updated and ready, the update revision
    /// becomes the current one.
    static func completeRollingUpdate(_ set: StatefulSet, _ status: inout StatefulSetStatus) {
        let replicas = Int32(StatefulSetIdentity.replicas(set))
        guard set.spec?.updateStrategy?.type == "RollingUpdate", status.updatedReplicas == replicas,
              status.readyReplicas == replicas, status.replicas == replicas else { return }
        status.currentReplicas = status.updatedReplicas
        status.currentRevision = status.updateRevision
    }

    /// The status as the API returns it: zero counts that Go omits (`omitempty`) left out.
    static func normalized(_ status: StatefulSetStatus) -> StatefulSetStatus {
        var status = status
        for keyPath in [\StatefulSetStatus.readyReplicas, \.currentReplicas, \.updatedReplicas] where status[keyPath: keyPath] == 0 {
            status[keyPath: keyPath] = nil
        }
        status.availableReplicas = status.availableReplicas ?? 0
        return status
    }
}
