import KubeModel

/// The Recreate strategy (pkg/controller/deployment/recreate.go, v1.33): scale every old
/// ReplicaSet to zero, wait until none of their pods is still running (or pending, or
/// terminating), and only then create or scale up the new ReplicaSet.
extension DeploymentSync {
    mutating func rolloutRecreate() {
        var (new, old) = newAndOldReplicaSets(create: false)
        var scaledDown = false
        for set in DeploymentUtil.active(old) where DeploymentUtil.replicas(set) != 0 {
            if scale(set, to: 0).scaled { scaledDown = true }
        }
        old = old.compactMap(current)
        if scaledDown || oldPodsRunning(new: new, old: old) {
            syncRolloutStatus(all: old + (new.flatMap(current).map { [$0] } ?? []), new: new.flatMap(current))
            return
        }
        if new == nil { (new, old) = newAndOldReplicaSets(create: true) }
        if let set = new.flatMap(current) { scale(set, to: desired) }
        if DeploymentUtil.isComplete(deployment, deployment.status ?? DeploymentStatus()) {
            cleanupDeployment(old: old.compactMap(current))
        }
        old = old.compactMap(current)
        new = new.flatMap(current)
        syncRolloutStatus(all: old + (new.map { [$0] } ?? []), new: new)
    }

    /// `oldPodsRunning`: old ReplicaSets still report pods, or a pod of theirs has not finished.
    private func oldPodsRunning(new: ReplicaSet?, old: [ReplicaSet]) -> Bool {
        if DeploymentUtil.actualReplicas(old) > 0 { return true }
        let selector = deployment.spec?.selector ?? LabelSelector()
        for set in old where set.metadata.uid != new?.metadata.uid {
            for dependent in client.store.dependents(ofUID: set.metadata.uid ?? "") {
                guard case .pod(let pod) = dependent, ControllerRef.isControlled(dependent, byUID: set.metadata.uid),
                      selector.matches(pod.metadata.labels ?? [:]) else { continue }
                if !["Failed", "Succeeded"].contains(pod.status?.phase ?? "") { return true }
            }
        }
        return false
    }
}
