import KubeModel

/// One sync of one Deployment: the claimed ReplicaSets and the writes shared by every strategy
/// (deployment_controller.go, sync.go: `getReplicaSetsForDeployment`,
/// `getAllReplicaSetsAndSyncRevision`, `getNewReplicaSet`, `scaleReplicaSet`, `cleanupDeployment`,
/// `calculateStatus`). `deployment` and `sets` follow each write, as the upstream copies do.
struct DeploymentSync {
    static let component = "deployment-controller"

    let client: ControllerClient
    var deployment: Deployment
    let now: VirtualTime
    /// The ReplicaSets this Deployment controls, after adoption and release.
    var sets: [ReplicaSet] = []
    /// Set by `requeueStuckDeployment`: when to look again at a stalled rollout.
    var requeue: VirtualDuration?

    init(client: ControllerClient, deployment: Deployment, now: VirtualTime) {
        self.client = client
        self.deployment = deployment
        self.now = now
    }

    var object: KubeObject { .deployment(deployment) }
    var desired: Int32 { DeploymentUtil.replicas(deployment) }

    /// `getReplicaSetsForDeployment`: ClaimReplicaSets over the namespace's ReplicaSets.
    mutating func claimReplicaSets() {
        let candidates = client.store.list(kind: "ReplicaSet", namespace: deployment.metadata.namespace ?? "default")
        sets = ControllerRef.claim(candidates, for: object, selector: deployment.spec?.selector, in: client).compactMap {
            if case .replicaSet(let set) = $0 { return set } else { return nil }
        }
    }

    /// The old ReplicaSets and, when it exists or `create` is set, the new one, with the
    /// revision annotations brought up to date (`getAllReplicaSetsAndSyncRevision`).
    mutating func newAndOldReplicaSets(create: Bool) -> (new: ReplicaSet?, old: [ReplicaSet]) {
        let old = DeploymentUtil.oldReplicaSets(of: deployment, in: sets)
        let new = newReplicaSet(old: old, create: create)
        return (new, DeploymentUtil.oldReplicaSets(of: deployment, in: sets))
    }

    /// `getNewReplicaSet`.
    private mutating func newReplicaSet(old: [ReplicaSet], create: Bool) -> ReplicaSet? {
        let newRevision = DeploymentUtil.maxRevision(old) + 1
        if let existing = DeploymentUtil.newReplicaSet(of: deployment, in: sets) {
            var copy = existing
            let annotationsChanged = DeploymentUtil.setNewReplicaSetAnnotations(deployment, &copy, newRevision: newRevision, exists: true)
            if annotationsChanged || copy.spec?.minReadySeconds != deployment.spec?.minReadySeconds {
                copy.spec?.minReadySeconds = deployment.spec?.minReadySeconds
                return updateReplicaSet(copy) ?? existing
            }
            var needsUpdate = setDeploymentRevision(copy.metadata.annotations?[DeploymentUtil.revisionAnnotation] ?? "")
            if DeploymentUtil.hasProgressDeadline(deployment), DeploymentConditions.get("Progressing", in: deployment.status) == nil {
                setCondition(DeploymentConditions.make("Progressing", "True", DeploymentConditions.foundNewReplicaSet,
                                                       "Found new replica set \"\(copy.metadata.name ?? "")\"", at: now))
                needsUpdate = true
            }
            if needsUpdate { writeStatus() }
            return copy
        }
        guard create else { return nil }
        return createNewReplicaSet(old: old, revision: newRevision)
    }

    private mutating func createNewReplicaSet(old: [ReplicaSet], revision: Int64) -> ReplicaSet? {
        var template = deployment.spec?.template ?? PodTemplateSpec()
        let hash = PodTemplateHash.compute(template, collisionCount: deployment.status?.collisionCount)
        var templateMeta = template.metadata ?? ObjectMeta()
        templateMeta.labels = (templateMeta.labels ?? [:]).merging([DeploymentUtil.hashLabel: hash]) { _, new in new }
        template.metadata = templateMeta
        var set = ReplicaSet()
        set.metadata.name = "\(deployment.metadata.name ?? "")-\(hash)"
        set.metadata.namespace = deployment.metadata.namespace ?? "default"
        set.metadata.ownerReferences = [ControllerRef.make(for: object)]
        set.metadata.labels = templateMeta.labels
        var selector = deployment.spec?.selector ?? LabelSelector()
        selector.matchLabels = (selector.matchLabels ?? [:]).merging([DeploymentUtil.hashLabel: hash]) { _, new in new }
        var spec = ReplicaSetSpec()
        spec.replicas = 0
        spec.minReadySeconds = deployment.spec?.minReadySeconds
        spec.selector = selector
        spec.template = template
        set.spec = spec
        let replicas = DeploymentUtil.newReplicaSetReplicas(deployment, all: old + [set], new: set)
        set.spec?.replicas = replicas
        _ = DeploymentUtil.setNewReplicaSetAnnotations(deployment, &set, newRevision: revision, exists: false)
        let created: ReplicaSet
        do {
            guard case .replicaSet(let stored) = try client.create(.replicaSet(set)) else { return nil }
            created = stored
        } catch let error as APIError where error.reason == "AlreadyExists" {
            // A hash collision: adopt it when the templates match, else count the collision so
            // the next sync hashes differently.
            guard case .replicaSet(let existing)? = client.store.get(.init(kind: "ReplicaSet", namespace: set.metadata.namespace ?? "", name: set.metadata.name ?? "")) else { return nil }
            if ControllerRef.isControlled(.replicaSet(existing), by: object), DeploymentUtil.equalIgnoringHash(existing.spec?.template, deployment.spec?.template) {
                return existing
            }
            var status = deployment.status ?? DeploymentStatus()
            status.collisionCount = (status.collisionCount ?? 0) + 1
            deployment.status = status
            writeStatus()
            requeue = .seconds(1)
            return nil
        } catch {
            let message = "Failed to create new replica set \"\(set.metadata.name ?? "")\": \((error as? APIError)?.message ?? "\(error)")"
            if DeploymentUtil.hasProgressDeadline(deployment) {
                setCondition(DeploymentConditions.make("Progressing", "False", DeploymentConditions.replicaSetCreateError, message, at: now))
                writeStatus()
            }
            client.event("Warning", DeploymentConditions.replicaSetCreateError, message, on: object, component: Self.component)
            return nil
        }
        sets.append(created)
        if replicas > 0 {
            client.event("Normal", "ScalingReplicaSet", "Scaled up replica set \(created.metadata.name ?? "") from 0 to \(replicas)", on: object, component: Self.component)
        }
        _ = setDeploymentRevision(String(revision))
        if DeploymentUtil.hasProgressDeadline(deployment) {
            setCondition(DeploymentConditions.make("Progressing", "True", DeploymentConditions.newReplicaSetCreated,
                                                   "Created new replica set \"\(created.metadata.name ?? "")\"", at: now))
        }
        writeStatus()
        return created
    }

    /// `SetDeploymentRevision`: the Deployment's revision annotation follows its new ReplicaSet.
    private mutating func setDeploymentRevision(_ revision: String) -> Bool {
        guard deployment.metadata.annotations?[DeploymentUtil.revisionAnnotation] != revision else { return false }
        var annotations = deployment.metadata.annotations ?? [:]
        annotations[DeploymentUtil.revisionAnnotation] = revision
        deployment.metadata.annotations = annotations
        return true
    }

    mutating func setCondition(_ condition: DeploymentCondition) {
        var status = deployment.status ?? DeploymentStatus()
        DeploymentConditions.set(condition, in: &status)
        deployment.status = status
    }

    /// Writes the Deployment's status and annotations (the `/status` subresource).
    mutating func writeStatus() {
        if case .deployment(let stored)? = client.updateStatus(object) { deployment = stored }
    }

    /// A spec write of one ReplicaSet; `sets` follows.
    @discardableResult
    mutating func updateReplicaSet(_ set: ReplicaSet) -> ReplicaSet? {
        guard case .replicaSet(let stored)? = try? client.update(.replicaSet(set)) else { return nil }
        if let index = sets.firstIndex(where: { $0.metadata.uid == stored.metadata.uid }) { sets[index] = stored }
        return stored
    }

    /// `scaleReplicaSetAndRecordEvent`: nothing when already at `replicas`.
    @discardableResult
    mutating func scale(_ set: ReplicaSet, to replicas: Int32) -> (scaled: Bool, set: ReplicaSet) {
        guard DeploymentUtil.replicas(set) != replicas else { return (false, set) }
        return scaleReplicaSet(set, to: replicas, operation: DeploymentUtil.replicas(set) < replicas ? "up" : "down")
    }

    /// `scaleReplicaSet`: sets replicas and the replicas annotations; records
    /// `Scaled up replica set web-7d4b9c8f5 from 0 to 3` when the size changed.
    mutating func scaleReplicaSet(_ set: ReplicaSet, to replicas: Int32, operation: String) -> (scaled: Bool, set: ReplicaSet) {
        let sizeChanges = DeploymentUtil.replicas(set) != replicas
        let maxReplicas = desired + DeploymentUtil.maxSurge(deployment)
        guard sizeChanges || DeploymentUtil.replicasAnnotationsNeedUpdate(set, desired: desired, max: maxReplicas) else { return (false, set) }
        let oldScale = DeploymentUtil.replicas(set)
        var copy = set
        copy.spec?.replicas = replicas
        DeploymentUtil.setReplicasAnnotations(&copy, desired: desired, max: maxReplicas)
        guard let stored = updateReplicaSet(copy) else { return (false, set) }
        if sizeChanges {
            client.event("Normal", "ScalingReplicaSet", "Scaled \(operation) replica set \(stored.metadata.name ?? "") from \(oldScale) to \(replicas)",
                         on: object, component: Self.component)
        }
        return (sizeChanges, stored)
    }

    /// `cleanupDeployment`: deletes the oldest revisions beyond revisionHistoryLimit, but only
    /// ReplicaSets that are scaled to zero, have no pods and whose latest spec was observed.
    mutating func cleanupDeployment(old: [ReplicaSet]) {
        guard let limit = deployment.spec?.revisionHistoryLimit else { return }
        let alive = old.filter { $0.metadata.deletionTimestamp == nil }
        let surplus = alive.count - Int(limit)
        guard surplus > 0 else { return }
        // ReplicaSetsByRevision: lowest revision first, creation order for equal revisions.
        let byRevision = alive.sorted { lhs, rhs in
            let (left, right) = (DeploymentUtil.revision(lhs), DeploymentUtil.revision(rhs))
            if left != right { return left < right }
            return (lhs.metadata.creationTimestamp ?? "", lhs.metadata.name ?? "") < (rhs.metadata.creationTimestamp ?? "", rhs.metadata.name ?? "")
        }
        for set in byRevision.prefix(surplus) {
            guard set.status?.replicas ?? 0 == 0, DeploymentUtil.replicas(set) == 0,
                  (set.metadata.generation ?? 1) <= (set.status?.observedGeneration ?? 0) else { continue }
            client.delete(.init(kind: "ReplicaSet", namespace: set.metadata.namespace ?? "default", name: set.metadata.name ?? ""))
            sets.removeAll { $0.metadata.uid == set.metadata.uid }
        }
    }

    /// `calculateStatus`: replica counts summed over the ReplicaSets and the Available condition
    /// (`Deployment has minimum availability.` once replicas − maxUnavailable pods are available).
    func calculateStatus(all: [ReplicaSet], new: ReplicaSet?) -> DeploymentStatus {
        let available = DeploymentUtil.availableReplicas(all)
        let unavailable = max(0, DeploymentUtil.specReplicas(all) - available)
        var status = DeploymentStatus()
        status.observedGeneration = deployment.metadata.generation ?? 1
        // Every count is `omitempty` upstream.
        func count(_ value: Int32) -> Int32? { value == 0 ? nil : value }
        status.replicas = count(DeploymentUtil.actualReplicas(all))
        status.updatedReplicas = count(new.map { DeploymentUtil.actualReplicas([$0]) } ?? 0)
        status.readyReplicas = count(DeploymentUtil.readyReplicas(all))
        status.availableReplicas = count(available)
        status.unavailableReplicas = count(unavailable)
        status.collisionCount = deployment.status?.collisionCount
        status.conditions = deployment.status?.conditions
        if available >= desired - DeploymentUtil.maxUnavailable(deployment) {
            DeploymentConditions.set(DeploymentConditions.make("Available", "True", DeploymentConditions.minimumReplicasAvailable,
                                                               "Deployment has minimum availability.", at: now), in: &status)
        } else {
            DeploymentConditions.set(DeploymentConditions.make("Available", "False", DeploymentConditions.minimumReplicasUnavailable,
                                                               "Deployment does not have minimum availability.", at: now), in: &status)
        }
        return status
    }

    /// `syncDeploymentStatus`: writes the calculated status when it differs.
    mutating func syncDeploymentStatus(all: [ReplicaSet], new: ReplicaSet?) {
        let status = calculateStatus(all: all, new: new)
        guard status != deployment.status else { return }
        deployment.status = status
        writeStatus()
    }

    /// `checkPausedConditions`: Progressing Unknown with `DeploymentPaused` / `DeploymentResumed`.
    mutating func checkPausedConditions() {
        guard DeploymentUtil.hasProgressDeadline(deployment) else { return }
        let condition = DeploymentConditions.get("Progressing", in: deployment.status)
        if condition?.reason == DeploymentConditions.timedOut { return }
        let pausedShown = condition?.reason == DeploymentConditions.paused
        let paused = deployment.spec?.paused == true
        if paused, !pausedShown {
            setCondition(DeploymentConditions.make("Progressing", "Unknown", DeploymentConditions.paused, "Deployment is paused", at: now))
        } else if !paused, pausedShown {
            setCondition(DeploymentConditions.make("Progressing", "Unknown", DeploymentConditions.resumed, "Deployment is resumed", at: now))
        } else {
            return
        }
        writeStatus()
    }
}
