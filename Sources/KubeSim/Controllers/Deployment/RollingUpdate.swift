import KubeModel

/// The RollingUpdate strategy (pkg/controller/deployment/rolling.go, v1.33): grow the new
/// ReplicaSet while all pods stay within replicas + maxSurge, shrink old ReplicaSets while at
/// least replicas − maxUnavailable pods stay available (unhealthy old pods go first), and once
/// complete delete revisions beyond revisionHistoryLimit.
extension DeploymentSync {
    mutating func rolloutRolling() {
        var (new, old) = newAndOldReplicaSets(create: true)
        // Creating the new ReplicaSet failed: upstream returns the error and retries with back-off.
        guard new != nil else {
            requeue = requeue ?? .seconds(5)
            return
        }
        var all = old + (new.map { [$0] } ?? [])
        if let set = new, reconcileNewReplicaSet(all: all, new: set) {
            syncRolloutStatus(all: all.compactMap(current), new: new.flatMap(current))
            return
        }
        new = new.flatMap(current)
        old = old.compactMap(current)
        all = old + (new.map { [$0] } ?? [])
        if let set = new, reconcileOldReplicaSets(all: all, old: DeploymentUtil.active(old), new: set) {
            syncRolloutStatus(all: all.compactMap(current), new: new.flatMap(current))
            return
        }
        if DeploymentUtil.isComplete(deployment, deployment.status ?? DeploymentStatus()) {
            cleanupDeployment(old: old.compactMap(current))
        }
        new = new.flatMap(current)
        old = old.compactMap(current)
        syncRolloutStatus(all: old + (new.map { [$0] } ?? []), new: new)
    }

    /// `reconcileNewReplicaSet`: true when the new ReplicaSet was scaled.
    private mutating func reconcileNewReplicaSet(all: [ReplicaSet], new: ReplicaSet) -> Bool {
        let replicas = DeploymentUtil.replicas(new)
        if replicas == desired { return false }
        if replicas > desired { return scale(new, to: desired).scaled }
        return scale(new, to: DeploymentUtil.newReplicaSetReplicas(deployment, all: all, new: new)).scaled
    }

    /// `reconcileOldReplicaSets`: true when any old ReplicaSet was scaled down.
    private mutating func reconcileOldReplicaSets(all: [ReplicaSet], old: [ReplicaSet], new: ReplicaSet) -> Bool {
        guard DeploymentUtil.specReplicas(old) > 0 else { return false }
        let minAvailable = desired - DeploymentUtil.maxUnavailable(deployment)
        let newUnavailable = DeploymentUtil.replicas(new) - (new.status?.availableReplicas ?? 0)
        let maxScaledDown = DeploymentUtil.specReplicas(all) - minAvailable - newUnavailable
        guard maxScaledDown > 0 else { return false }
        let (cleaned, cleanedCount) = cleanupUnhealthyReplicas(old, maxCleanup: maxScaledDown)
        let scaledDown = scaleDownOldReplicaSets(all: cleaned + [current(new) ?? new], old: cleaned)
        return cleanedCount + scaledDown > 0
    }

    /// `cleanupUnhealthyReplicas`: first remove old replicas that are not available anyway,
    /// oldest ReplicaSet first, at most `maxCleanup` of them.
    private mutating func cleanupUnhealthyReplicas(_ old: [ReplicaSet], maxCleanup: Int32) -> ([ReplicaSet], Int32) {
        var sorted = DeploymentUtil.byCreation(old)
        var total: Int32 = 0
        for index in sorted.indices {
            guard total < maxCleanup else { break }
            let set = sorted[index]
            let replicas = DeploymentUtil.replicas(set)
            let available = set.status?.availableReplicas ?? 0
            if replicas == 0 || replicas == available { continue }
            let count = min(maxCleanup - total, replicas - available)
            let result = scale(set, to: replicas - count)
            sorted[index] = result.set
            total += count
        }
        return (sorted, total)
    }

    /// `scaleDownOldReplicaSetsForRollingUpdate`: scale old ReplicaSets down, oldest first, by as
    /// many as are available above replicas − maxUnavailable.
    private mutating func scaleDownOldReplicaSets(all: [ReplicaSet], old: [ReplicaSet]) -> Int32 {
        let minAvailable = desired - DeploymentUtil.maxUnavailable(deployment)
        let available = DeploymentUtil.availableReplicas(all)
        guard available > minAvailable else { return 0 }
        let target = available - minAvailable
        var total: Int32 = 0
        for set in DeploymentUtil.byCreation(old) {
            guard total < target else { break }
            let replicas = DeploymentUtil.replicas(set)
            if replicas == 0 { continue }
            let count = min(replicas, target - total)
            scale(set, to: replicas - count)
            total += count
        }
        return total
    }
}
