import KubeModel

/// Deployment conditions, their reasons and messages, as pkg/controller/deployment/util
/// (v1.33) defines them; `set` keeps lastTransitionTime while the status stays the same and does
/// nothing when status and reason are unchanged (`SetDeploymentCondition`).
enum DeploymentConditions {
    static let newReplicaSetCreated = "NewReplicaSetCreated"
    static let foundNewReplicaSet = "FoundNewReplicaSet"
    static let replicaSetUpdated = "ReplicaSetUpdated"
    static let newReplicaSetAvailable = "NewReplicaSetAvailable"
    static let timedOut = "ProgressDeadlineExceeded"
    static let paused = "DeploymentPaused"
    static let resumed = "DeploymentResumed"
    static let replicaSetCreateError = "ReplicaSetCreateError"
    static let minimumReplicasAvailable = "MinimumReplicasAvailable"
    static let minimumReplicasUnavailable = "MinimumReplicasUnavailable"

    static func make(_ type: String, _ status: String, _ reason: String, _ message: String, at now: VirtualTime) -> DeploymentCondition {
        var condition = DeploymentCondition()
        condition.type = type
        condition.status = status
        condition.reason = reason
        condition.message = message
        condition.lastUpdateTime = now.rfc3339
        condition.lastTransitionTime = now.rfc3339
        return condition
    }

    static func get(_ type: String, in status: DeploymentStatus?) -> DeploymentCondition? {
        status?.conditions?.first { $0.type == type }
    }

    static func set(_ condition: DeploymentCondition, in status: inout DeploymentStatus) {
        var condition = condition
        let current = get(condition.type, in: status)
        if let current, current.status == condition.status, current.reason == condition.reason { return }
        if let current, current.status == condition.status { condition.lastTransitionTime = current.lastTransitionTime }
        status.conditions = (status.conditions ?? []).filter { $0.type != condition.type } + [condition]
    }

    static func remove(_ type: String, from status: inout DeploymentStatus) {
        guard let conditions = status.conditions else { return }
        let kept = conditions.filter { $0.type != type }
        status.conditions = kept.isEmpty ? nil : kept
    }

    /// `ReplicaSetToDeploymentCondition`: a ReplicaSet's ReplicaFailure shown on its Deployment.
    static func fromReplicaSet(_ condition: ReplicaSetCondition) -> DeploymentCondition {
        var copy = DeploymentCondition()
        copy.type = condition.type
        copy.status = condition.status
        copy.reason = condition.reason
        copy.message = condition.message
        copy.lastUpdateTime = condition.lastTransitionTime
        copy.lastTransitionTime = condition.lastTransitionTime
        return copy
    }
}
