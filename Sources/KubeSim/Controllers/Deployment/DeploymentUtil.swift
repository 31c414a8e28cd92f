import KubeModel

/// The helpers of pkg/controller/deployment/util/deployment_util.go (v1.33) the sync loops share:
/// surge and unavailability fenceposts, replica sums over ReplicaSets, finding the new and old
/// ReplicaSets, revisions, and the completeness and progress tests behind the conditions.
enum DeploymentUtil {
    static let revisionAnnotation = "deployment.kubernetes.io/revision"
    static let revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history"
    static let desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas"
    static let maxReplicasAnnotation = "deployment.kubernetes.io/max-replicas"
    /// `apps.DefaultDeploymentUniqueLabelKey`: tells the ReplicaSets of one Deployment apart.
    static let hashLabel = "pod-template-hash"
    /// Upstream caps the revision-history annotation at 2000 characters (`maxRevHistoryLengthInChars`).
    static let maxRevisionHistoryLength = 2000

    /// Annotations `copyDeploymentAnnotationsToReplicaSet` leaves alone (`skipCopyAnnotation`).
    static let annotationsNotCopied: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration", revisionAnnotation, revisionHistoryAnnotation,
        desiredReplicasAnnotation, maxReplicasAnnotation, "deprecated.deployment.rollback.to",
    ]

    static func replicas(_ deployment: Deployment) -> Int32 { deployment.spec?.replicas ?? 1 }
    static func replicas(_ set: ReplicaSet) -> Int32 { set.spec?.replicas ?? 1 }

    static func isRollingUpdate(_ deployment: Deployment) -> Bool {
        (deployment.spec?.strategy?.type ?? "RollingUpdate") == "RollingUpdate"
    }

    /// `ResolveFenceposts`: maxSurge rounds up, maxUnavailable down; both zero means one may be
    /// unavailable, so a rollout can always move.
    static func resolveFenceposts(maxSurge: IntOrString?, maxUnavailable: IntOrString?, desired: Int32) -> (surge: Int32, unavailable: Int32) {
        let surge = Int32((maxSurge ?? .int(0)).scaledValue(total: Int(desired), roundUp: true) ?? 0)
        var unavailable = Int32((maxUnavailable ?? .int(0)).scaledValue(total: Int(desired), roundUp: false) ?? 0)
        if surge == 0 && unavailable == 0 { unavailable = 1 }
        return (surge, unavailable)
    }

    /// `MaxSurge`: 0 for Recreate.
    static func maxSurge(_ deployment: Deployment) -> Int32 {
        guard isRollingUpdate(deployment) else { return 0 }
        let rolling = deployment.spec?.strategy?.rollingUpdate
        return resolveFenceposts(maxSurge: rolling?.maxSurge, maxUnavailable: rolling?.maxUnavailable, desired: replicas(deployment)).surge
    }

    /// `MaxUnavailable`: 0 for Recreate or zero replicas, never more than the replicas.
    static func maxUnavailable(_ deployment: Deployment) -> Int32 {
        guard isRollingUpdate(deployment), replicas(deployment) > 0 else { return 0 }
        let rolling = deployment.spec?.strategy?.rollingUpdate
        let unavailable = resolveFenceposts(maxSurge: rolling?.maxSurge, maxUnavailable: rolling?.maxUnavailable, desired: replicas(deployment)).unavailable
        return min(unavailable, replicas(deployment))
    }

    /// `NewRSNewReplicas`: how far the new ReplicaSet may grow now without passing
    /// replicas + maxSurge pods in all (RollingUpdate), or straight to replicas (Recreate).
    static func newReplicaSetReplicas(_ deployment: Deployment, all: [ReplicaSet], new: ReplicaSet) -> Int32 {
        guard isRollingUpdate(deployment) else { return replicas(deployment) }
        let current = specReplicas(all)
        let maxTotal = replicas(deployment) + maxSurge(deployment)
        if current >= maxTotal { return replicas(new) }
        let scaleUp = min(maxTotal - current, replicas(deployment) - replicas(new))
        return replicas(new) + scaleUp
    }

    /// `GetReplicaCountForReplicaSets`: the sum of spec.replicas.
    static func specReplicas(_ sets: [ReplicaSet]) -> Int32 { sets.reduce(0) { $0 + replicas($1) } }
    /// `GetActualReplicaCountForReplicaSets`: the sum of status.replicas.
    static func actualReplicas(_ sets: [ReplicaSet]) -> Int32 { sets.reduce(0) { $0 + ($1.status?.replicas ?? 0) } }
    static func readyReplicas(_ sets: [ReplicaSet]) -> Int32 { sets.reduce(0) { $0 + ($1.status?.readyReplicas ?? 0) } }
    static func availableReplicas(_ sets: [ReplicaSet]) -> Int32 { sets.reduce(0) { $0 + ($1.status?.availableReplicas ?? 0) } }

    /// `FilterActiveReplicaSets`: those with spec.replicas > 0.
    static func active(_ sets: [ReplicaSet]) -> [ReplicaSet] { sets.filter { replicas($0) > 0 } }

    /// `ReplicaSetsByCreationTimestamp`: oldest first, names breaking ties.
    static func byCreation(_ sets: [ReplicaSet]) -> [ReplicaSet] {
        sets.sorted { ($0.metadata.creationTimestamp ?? "", $0.metadata.name ?? "") < ($1.metadata.creationTimestamp ?? "", $1.metadata.name ?? "") }
    }

    /// `Revision`: the revision annotation as a number, 0 when absent or unreadable.
    static func revision(_ set: ReplicaSet) -> Int64 {
        set.metadata.annotations?[revisionAnnotation].flatMap { Int64($0) } ?? 0
    }

    static func maxRevision(_ sets: [ReplicaSet]) -> Int64 { sets.map(revision).max() ?? 0 }

    /// `EqualIgnoreHash`: templates equal apart from the pod-template-hash label.
    static func equalIgnoringHash(_ lhs: PodTemplateSpec?, _ rhs: PodTemplateSpec?) -> Bool {
        func stripped(_ template: PodTemplateSpec?) -> PodTemplateSpec {
            var copy = template ?? PodTemplateSpec()
            var meta = copy.metadata ?? ObjectMeta()
            meta.labels?[hashLabel] = nil
            if meta.labels?.isEmpty == true { meta.labels = nil }
            copy.metadata = meta == ObjectMeta() ? nil : meta
            return copy
        }
        return stripped(lhs) == stripped(rhs)
    }

    /// `FindNewReplicaSet`: the oldest ReplicaSet whose template matches the Deployment's.
    static func newReplicaSet(of deployment: Deployment, in sets: [ReplicaSet]) -> ReplicaSet? {
        byCreation(sets).first { equalIgnoringHash($0.spec?.template, deployment.spec?.template) }
    }

    /// `FindOldReplicaSets`: every ReplicaSet but the new one.
    static func oldReplicaSets(of deployment: Deployment, in sets: [ReplicaSet]) -> [ReplicaSet] {
        let new = newReplicaSet(of: deployment, in: sets)
        return sets.filter { $0.metadata.uid != new?.metadata.uid }
    }

    /// `DeploymentComplete`: every replica updated and available, and the newest spec observed.
    static func isComplete(_ deployment: Deployment, _ status: DeploymentStatus) -> Bool {
        let desired = replicas(deployment)
        return status.updatedReplicas ?? 0 == desired && status.replicas ?? 0 == desired
            && status.availableReplicas ?? 0 == desired && (status.observedGeneration ?? 0) >= (deployment.metadata.generation ?? 1)
    }

    /// `DeploymentProgressing`: more updated, ready or available replicas, or fewer old ones, than
    /// the stored status says.
    static func isProgressing(_ deployment: Deployment, _ status: DeploymentStatus) -> Bool {
        let old = deployment.status ?? DeploymentStatus()
        let oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
        let newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0)
        return (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld
            || (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
    }

    /// `HasProgressDeadline`: set and not math.MaxInt32.
    static func hasProgressDeadline(_ deployment: Deployment) -> Bool {
        guard let seconds = deployment.spec?.progressDeadlineSeconds else { return false }
        return seconds != Int32.max
    }

    /// `DeploymentTimedOut`: the Progressing condition was last updated more than
    /// progressDeadlineSeconds ago (strictly), and the rollout has not already completed.
    static func hasTimedOut(_ deployment: Deployment, _ status: DeploymentStatus, at now: VirtualTime) -> Bool {
        guard hasProgressDeadline(deployment), let condition = DeploymentConditions.get("Progressing", in: status) else { return false }
        if condition.reason == DeploymentConditions.newReplicaSetAvailable { return false }
        if condition.reason == DeploymentConditions.timedOut { return true }
        guard let from = condition.lastUpdateTime.flatMap(VirtualTime.init(rfc3339:)) else { return false }
        return from + .seconds(Int64(deployment.spec?.progressDeadlineSeconds ?? 600)) < now
    }

    /// `SetReplicasAnnotations`: desired-replicas and max-replicas; true when either changed.
    @discardableResult
    static func setReplicasAnnotations(_ set: inout ReplicaSet, desired: Int32, max: Int32) -> Bool {
        var annotations = set.metadata.annotations ?? [:]
        let before = annotations
        annotations[desiredReplicasAnnotation] = String(desired)
        annotations[maxReplicasAnnotation] = String(max)
        set.metadata.annotations = annotations
        return annotations != before
    }

    static func replicasAnnotationsNeedUpdate(_ set: ReplicaSet, desired: Int32, max: Int32) -> Bool {
        set.metadata.annotations?[desiredReplicasAnnotation] != String(desired) || set.metadata.annotations?[maxReplicasAnnotation] != String(max)
    }

    /// `SetNewReplicaSetAnnotations`: copies the Deployment's annotations, raises the revision to
    /// `newRevision` (keeping the old number in revision-history, as a rollback reuses a
    /// ReplicaSet), and on creation sets the replicas annotations. True when anything changed.
    static func setNewReplicaSetAnnotations(_ deployment: Deployment, _ set: inout ReplicaSet, newRevision: Int64, exists: Bool) -> Bool {
        var changed = copyAnnotations(from: deployment, to: &set)
        var annotations = set.metadata.annotations ?? [:]
        let oldText = annotations[revisionAnnotation]
        let oldRevision = oldText.flatMap { Int64($0) } ?? 0
        if oldText != nil, Int64(oldText ?? "") == nil { return false }
        if oldRevision < newRevision {
            annotations[revisionAnnotation] = String(newRevision)
            changed = true
            if let oldText {
                let history = annotations[revisionHistoryAnnotation] ?? ""
                if history.isEmpty {
                    annotations[revisionHistoryAnnotation] = oldText
                } else {
                    var revisions = history.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    var total = history.count + oldText.count + 1
                    var start = 0
                    while total > maxRevisionHistoryLength, start < revisions.count {
                        total -= revisions[start].count + 1
                        start += 1
                    }
                    if total <= maxRevisionHistoryLength {
                        revisions = Array(revisions[start...]) + [oldText]
                        annotations[revisionHistoryAnnotation] = revisions.joined(separator: ",")
                    }
                }
            }
        }
        set.metadata.annotations = annotations
        if !exists, setReplicasAnnotations(&set, desired: replicas(deployment), max: replicas(deployment) + maxSurge(deployment)) { changed = true }
        return changed
    }

    /// `copyDeploymentAnnotationsToReplicaSet`.
    static func copyAnnotations(from deployment: Deployment, to set: inout ReplicaSet) -> Bool {
        var annotations = set.metadata.annotations ?? [:]
        var changed = false
        for (key, value) in deployment.metadata.annotations ?? [:] where !annotationsNotCopied.contains(key) && annotations[key] != value {
            annotations[key] = value
            changed = true
        }
        if changed || set.metadata.annotations == nil { set.metadata.annotations = annotations }
        return changed
    }
}
