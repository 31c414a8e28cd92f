import KubeModel

/// Scaling a Deployment that is paused or only changed its replicas (sync.go, v1.33: `sync`,
/// `isScalingEvent`, `scale`, with `GetProportion` and `getReplicaSetFraction` from
/// deployment_util.go): a single active ReplicaSet takes the new size; during a rollout the
/// change is shared out in proportion to each ReplicaSet's size, so a half-done rollout stays
/// half done.
extension DeploymentSync {
    /// True when an active ReplicaSet's desired-replicas annotation disagrees with spec.replicas.
    mutating func isScalingEvent() -> Bool {
        let (new, old) = newAndOldReplicaSets(create: false)
        for set in DeploymentUtil.active(old + (new.map { [$0] } ?? [])) {
            guard let text = set.metadata.annotations?[DeploymentUtil.desiredReplicasAnnotation], let value = Int32(text) else { continue }
            if value != desired { return true }
        }
        return false
    }

    /// `sync`: scale, clean up old revisions when paused, then write the status.
    mutating func syncScaleOnly() {
        let (new, old) = newAndOldReplicaSets(create: false)
        scaleProportionally(new: new, old: old)
        var (latestNew, latestOld) = (new.flatMap(current), old.compactMap(current))
        if deployment.spec?.paused == true {
            cleanupDeployment(old: latestOld)
            latestOld = latestOld.compactMap(current)
            latestNew = latestNew.flatMap(current)
        }
        syncDeploymentStatus(all: latestOld + (latestNew.map { [$0] } ?? []), new: latestNew)
    }

    /// The stored version of `set` after this sync's writes (nil once deleted).
    func current(_ set: ReplicaSet) -> ReplicaSet? { sets.first { $0.metadata.uid == set.metadata.uid } }

    /// `scale`.
    mutating func scaleProportionally(new: ReplicaSet?, old: [ReplicaSet]) {
        if let single = activeOrLatest(new: new, old: old) {
            if DeploymentUtil.replicas(single) != desired { scale(single, to: desired) }
            return
        }
        if let new, isSaturated(new) {
            for set in DeploymentUtil.active(old) { scale(set, to: 0) }
            return
        }
        guard DeploymentUtil.isRollingUpdate(deployment) else { return }
        var all = DeploymentUtil.active(old + (new.map { [$0] } ?? []))
        let allowed = desired > 0 ? desired + DeploymentUtil.maxSurge(deployment) : 0
        let toAdd = allowed - DeploymentUtil.specReplicas(all)
        let operation: String
        if toAdd > 0 {
            // ReplicaSetsBySizeNewer: larger first, then newer.
            all.sort { DeploymentUtil.replicas($0) != DeploymentUtil.replicas($1) ? DeploymentUtil.replicas($0) > DeploymentUtil.replicas($1) : ($0.metadata.creationTimestamp ?? "", $0.metadata.name ?? "") > ($1.metadata.creationTimestamp ?? "", $1.metadata.name ?? "") }
            operation = "up"
        } else if toAdd < 0 {
            // ReplicaSetsBySizeOlder: larger first, then older.
            all.sort { DeploymentUtil.replicas($0) != DeploymentUtil.replicas($1) ? DeploymentUtil.replicas($0) > DeploymentUtil.replicas($1) : ($0.metadata.creationTimestamp ?? "", $0.metadata.name ?? "") < ($1.metadata.creationTimestamp ?? "", $1.metadata.name ?? "") }
            operation = "down"
        } else {
            operation = ""
        }
        var added: Int32 = 0
        var sizes: [Int32] = []
        for set in all {
            let proportion = toAdd == 0 ? 0 : self.proportion(set, toAdd: toAdd, added: added)
            sizes.append(DeploymentUtil.replicas(set) + proportion)
            added += proportion
        }
        // The rounding leftover goes to the largest ReplicaSet.
        if !sizes.isEmpty, toAdd != 0 {
            sizes[0] = max(0, sizes[0] + toAdd - added)
        }
        for (set, size) in zip(all, sizes) {
            _ = scaleReplicaSet(set, to: size, operation: operation)
        }
    }

    /// `FindActiveOrLatest`: the only active ReplicaSet, or the newest when none is active.
    private func activeOrLatest(new: ReplicaSet?, old: [ReplicaSet]) -> ReplicaSet? {
        if new == nil, old.isEmpty { return nil }
        let newestFirst = DeploymentUtil.byCreation(old).reversed()
        let active = DeploymentUtil.active(Array(newestFirst) + (new.map { [$0] } ?? []))
        switch active.count {
        case 0: return new ?? newestFirst.first
        case 1: return active[0]
        default: return nil
        }
    }

    /// `IsSaturated`: the new ReplicaSet has every replica, all available.
    private func isSaturated(_ new: ReplicaSet) -> Bool {
        guard let text = new.metadata.annotations?[DeploymentUtil.desiredReplicasAnnotation], let value = Int32(text) else { return false }
        return DeploymentUtil.replicas(new) == desired && value == desired && (new.status?.availableReplicas ?? 0) == desired
    }

    /// `GetProportion`.
    private func proportion(_ set: ReplicaSet, toAdd: Int32, added: Int32) -> Int32 {
        guard DeploymentUtil.replicas(set) != 0, toAdd != 0, toAdd != added else { return 0 }
        let fraction = replicaSetFraction(set)
        let allowed = toAdd - added
        return toAdd > 0 ? min(fraction, allowed) : max(fraction, allowed)
    }

    /// `getReplicaSetFraction`: the ReplicaSet's share of the new maximum, against the maximum
    /// recorded in its max-replicas annotation (rounded half away from zero).
    private func replicaSetFraction(_ set: ReplicaSet) -> Int32 {
        if desired == 0 { return -DeploymentUtil.replicas(set) }
        let newMax = desired + DeploymentUtil.maxSurge(deployment)
        // Without the annotation (edited by hand), upstream falls back to the current size.
        let oldMax = set.metadata.annotations?[DeploymentUtil.maxReplicasAnnotation].flatMap { Int32($0) } ?? (deployment.status?.replicas ?? 0)
        guard oldMax != 0 else { return 0 }
        let size = Double(DeploymentUtil.replicas(set)) * Double(newMax) / Double(oldMax)
        return Int32(size.rounded(.toNearestOrAwayFromZero)) - DeploymentUtil.replicas(set)
    }
}
