import KubeModel

/// The Progressing condition (pkg/controller/deployment/progress.go, v1.33 `syncRolloutStatus`):
/// `NewReplicaSetAvailable` once complete, `ReplicaSetUpdated` while the rollout moves (its
/// lastUpdateTime refreshed on every step), `ProgressDeadlineExceeded` when it has not moved for
/// progressDeadlineSeconds; the first ReplicaFailure of the ReplicaSets is copied across.
extension DeploymentSync {
    mutating func syncRolloutStatus(all: [ReplicaSet], new: ReplicaSet?) {
        var status = calculateStatus(all: all, new: new)
        if !DeploymentUtil.hasProgressDeadline(deployment) { DeploymentConditions.remove("Progressing", from: &status) }
        let currentCondition = DeploymentConditions.get("Progressing", in: deployment.status)
        let isCompleteRollout = status.replicas == status.updatedReplicas && currentCondition?.reason == DeploymentConditions.newReplicaSetAvailable
        if DeploymentUtil.hasProgressDeadline(deployment), !isCompleteRollout {
            let setName = new?.metadata.name ?? ""
            if DeploymentUtil.isComplete(deployment, status) {
                let message = new == nil ? "Deployment \"\(deployment.metadata.name ?? "")\" has successfully progressed." : "ReplicaSet \"\(setName)\" has successfully progressed."
                DeploymentConditions.set(DeploymentConditions.make("Progressing", "True", DeploymentConditions.newReplicaSetAvailable, message, at: now), in: &status)
            } else if DeploymentUtil.isProgressing(deployment, status) {
                let message = new == nil ? "Deployment \"\(deployment.metadata.name ?? "")\" is progressing." : "ReplicaSet \"\(setName)\" is progressing."
                var condition = DeploymentConditions.make("Progressing", "True", DeploymentConditions.replicaSetUpdated, message, at: now)
                if let currentCondition {
                    if currentCondition.status == "True" { condition.lastTransitionTime = currentCondition.lastTransitionTime }
                    DeploymentConditions.remove("Progressing", from: &status)
                }
                DeploymentConditions.set(condition, in: &status)
            } else if DeploymentUtil.hasTimedOut(deployment, status, at: now) {
                let message = new == nil ? "Deployment \"\(deployment.metadata.name ?? "")\" has timed out progressing." : "ReplicaSet \"\(setName)\" has timed out progressing."
                DeploymentConditions.set(DeploymentConditions.make("Progressing", "False", DeploymentConditions.timedOut, message, at: now), in: &status)
            }
        }
        if let failure = replicaFailures(all: all, new: new).first {
            DeploymentConditions.set(failure, in: &status)
        } else {
            DeploymentConditions.remove("ReplicaFailure", from: &status)
        }
        if status == deployment.status {
            requeueStuckDeployment(status)
            return
        }
        deployment.status = status
        writeStatus()
    }

    /// `getReplicaFailures`: the new ReplicaSet's failures first, else any old one's.
    private func replicaFailures(all: [ReplicaSet], new: ReplicaSet?) -> [DeploymentCondition] {
        let fromNew = (new?.status?.conditions ?? []).filter { $0.type == "ReplicaFailure" }.map(DeploymentConditions.fromReplicaSet)
        if !fromNew.isEmpty { return fromNew }
        return all.flatMap { ($0.status?.conditions ?? []).filter { $0.type == "ReplicaFailure" }.map(DeploymentConditions.fromReplicaSet) }
    }

    /// `requeueStuckDeployment`: a rollout that is neither complete nor timed out is looked at
    /// again a second after its deadline, so ProgressDeadlineExceeded appears on time.
    private mutating func requeueStuckDeployment(_ status: DeploymentStatus) {
        guard DeploymentUtil.hasProgressDeadline(deployment), let condition = DeploymentConditions.get("Progressing", in: deployment.status),
              !DeploymentUtil.isComplete(deployment, status), condition.reason != DeploymentConditions.timedOut,
              let updated = condition.lastUpdateTime.flatMap(VirtualTime.init(rfc3339:)) else { return }
        let after = (updated + .seconds(Int64(deployment.spec?.progressDeadlineSeconds ?? 600))) - now
        requeue = after.seconds < 1 ? .seconds(1) : after + .seconds(1)
    }
}
