import KubeModel

/// One pass of upstream's `updateStatefulSet` (pkg/controller/statefulset/stateful_set_control.go,
/// v1.33): pods are sorted into replicas (ordinals in range, placeholders for missing ones) and
/// condemned (out of range); replicas are created or repaired, condemned pods deleted from the
/// highest ordinal, then a RollingUpdate replaces pods from the highest ordinal down to the
/// partition. With `OrderedReady` ("monotonic") every step waits for the one before to be
/// Running and Ready; with `Parallel` all of a step's work is done at once.
struct StatefulSetSync {
    let set: StatefulSet
    let currentSet: StatefulSet
    let revisions: StatefulSetRevisions
    let client: ControllerClient
    let claims: StatefulSetClaims
    let now: VirtualTime
    var status = StatefulSetStatus()
    var replicas: [Pod] = []
    var condemned: [Pod] = []
    var firstUnhealthy: String?
    /// Writes the API refused this pass; the set is synced again later.
    var errorCount = 0

    var setObject: KubeObject { .statefulSet(self.set) }
    var minReadySeconds: Int64 { Int64(set.spec?.minReadySeconds ?? 0) }
    var isMonotonic: Bool { self.set.spec?.podManagementPolicy != "Parallel" }

    init(set: StatefulSet, revisions: StatefulSetRevisions, client: ControllerClient, now: VirtualTime) {
        self.set = set
        self.revisions = revisions
        self.currentSet = revisions.currentSet(of: set)
        self.client = client
        self.claims = StatefulSetClaims(set: set, client: client)
        self.now = now
    }

    /// Runs the pass over the set's claimed pods and returns the status to record.
    mutating func run(pods: [Pod]) -> StatefulSetStatus {
        status.observedGeneration = set.metadata.generation
        status.currentRevision = revisions.currentName
        status.updateRevision = revisions.updateName
        status.collisionCount = set.status?.collisionCount ?? 0
        recount(pods)
        partition(pods)
        if set.metadata.deletionTimestamp != nil { return status }
        // Each step may end the pass (a monotonic wait); scaling comes before updates.
        let stopped = runForAll(replicas.count, .replica) || runForAll(condemned.count, .condemnedClaims)
            || runForAll(condemned.count, .condemned)
        recount(replicas + condemned)
        // OnDelete: pods move to the update revision only when someone deletes them.
        if !stopped, set.spec?.updateStrategy?.type != "OnDelete" { rollingUpdate() }
        return status
    }

    private mutating func recount(_ pods: [Pod]) {
        StatefulSetStatusRules.count(pods, into: &status, minReadySeconds: minReadySeconds,
                                     currentRevision: revisions.currentName, updateRevision: revisions.updateName, now: now)
    }

    /// Replicas by ordinal with placeholders at the right revision (`newVersionedStatefulSetPod`),
    /// condemned pods highest ordinal first, and the first unhealthy pod.
    private mutating func partition(_ pods: [Pod]) {
        let start = StatefulSetIdentity.startOrdinal(set)
        var slots = [Pod?](repeating: nil, count: max(0, StatefulSetIdentity.replicas(set)))
        for pod in pods {
            let ordinal = StatefulSetIdentity.ordinal(pod)
            if StatefulSetIdentity.isInOrdinalRange(pod, set) {
                slots[ordinal - start] = pod
            } else if ordinal >= 0 {
                condemned.append(pod)
            }
        }
        replicas = slots.enumerated().map { index, pod in pod ?? newVersionedPod(ordinal: start + index) }
        condemned.sort { StatefulSetIdentity.ordinal($0) > StatefulSetIdentity.ordinal($1) }
        firstUnhealthy = (replicas + condemned.reversed()).first { !StatefulSetStatusRules.isHealthy($0) }?.metadata.name
    }

    /// Ordinals below the partition (or, without `rollingUpdate`, below `currentReplicas`) are
    /// made at the current revision; all others at the update revision.
    private func newVersionedPod(ordinal: Int) -> Pod {
        let start = StatefulSetIdentity.startOrdinal(currentSet)
        let strategy = currentSet.spec?.updateStrategy
        let belowCurrent = strategy?.type == "RollingUpdate" && strategy?.rollingUpdate == nil
            && ordinal < start + Int(currentSet.status?.currentReplicas ?? 0)
        let belowPartition = strategy?.rollingUpdate.map { ordinal < start + Int($0.partition ?? 0) } ?? false
        if belowCurrent || belowPartition {
            return StatefulSetIdentity.newPod(currentSet, ordinal: ordinal, revision: revisions.currentName)
        }
        return StatefulSetIdentity.newPod(set, ordinal: ordinal, revision: revisions.updateName)
    }

    enum Step { case replica, condemnedClaims, condemned }

    /// `runForAll`: one at a time until a step asks to stop (monotonic), or in slow-start batches
    /// of 1, 2, 4… (at most 500) that stop after a batch with a failure (`slowStartBatch`).
    private mutating func runForAll(_ count: Int, _ step: Step) -> Bool {
        if isMonotonic {
            for index in 0..<count where perform(step, index) { return true }
            return false
        }
        var start = 0, batch = min(count, 1)
        while batch > 0 {
            let failuresBefore = errorCount
            for index in start..<start + batch { _ = perform(step, index) }
            if errorCount > failuresBefore { return true }
            start += batch
            batch = min(2 * batch, count - start, 500)
        }
        return false
    }

    private mutating func perform(_ step: Step, _ index: Int) -> Bool {
        switch step {
        case .replica: return processReplica(index)
        case .condemnedClaims:
            if !claims.matchesRetentionPolicy(condemned[index]) { claims.updateForRetentionPolicy(condemned[index]) }
            return false
        case .condemned: return processCondemned(index)
        }
    }

    /// `processReplica`: true when the pass must stop here.
    private mutating func processReplica(_ index: Int) -> Bool {
        let pod = replicas[index]
        let phase = pod.status?.phase
        if phase == "Failed" || phase == "Succeeded" {
            // Recreated on a later pass, once the old pod is gone.
            if pod.metadata.deletionTimestamp == nil { deletePod(pod) }
            return true
        }
        if !StatefulSetStatusRules.isCreated(pod) {
            if claims.isStale(pod) { return true }
            if !createPod(pod) { return true }
            if isMonotonic { return true }
        }
        if phase == "Pending", let error = claims.createMissing(for: pod) {
            recordPodEvent("update", pod, error: error)
            errorCount += 1
            return true
        }
        if StatefulSetStatusRules.isTerminating(pod) && isMonotonic { return true }
        if !StatefulSetStatusRules.isRunningAndReady(pod) && isMonotonic { return true }
        if !PodConditions.isAvailable(pod, minReadySeconds: minReadySeconds, at: now) && isMonotonic { return true }
        let retentionMatches = !StatefulSetStatusRules.isCreated(pod) || claims.matchesRetentionPolicy(pod)
        if StatefulSetIdentity.identityMatches(set, pod) && StatefulSetIdentity.storageMatches(set, pod) && retentionMatches { return false }
        repair(pod)
        return false
    }

    /// `processCondemned`: delete the highest condemned pod once everything before it is healthy.
    private mutating func processCondemned(_ index: Int) -> Bool {
        let pod = condemned[index]
        if StatefulSetStatusRules.isTerminating(pod) { return isMonotonic }
        let isFirstUnhealthy = pod.metadata.name == firstUnhealthy
        if isMonotonic && !isFirstUnhealthy {
            if !StatefulSetStatusRules.isRunningAndReady(pod) { return true }
            if !PodConditions.isAvailable(pod, minReadySeconds: minReadySeconds, at: now) { return true }
        }
        deletePod(pod)
        return true
    }

    /// The RollingUpdate without MaxUnavailableStatefulSet (alpha, off in v1.33, so
    /// `maxUnavailable` is ignored): delete the highest-ordinal pod at or above the partition
    /// that is not at the update revision, after every pod above it is healthy.
    private mutating func rollingUpdate() {
        let updateMin = set.spec?.updateStrategy?.rollingUpdate.map { Int($0.partition ?? 0) } ?? 0
        var target = replicas.count - 1
        while target >= updateMin {
            let pod = replicas[target]
            if StatefulSetIdentity.revision(pod) != revisions.updateName && !StatefulSetStatusRules.isTerminating(pod) {
                deletePod(pod)
                status.currentReplicas = (status.currentReplicas ?? 0) - 1
                return
            }
            if !StatefulSetStatusRules.isHealthy(pod) { return }
            target -= 1
        }
    }

    // MARK: Writes (stateful_pod_control.go)

    /// `CreateStatefulPod`: claims first, then the pod, then the claims' owners for the policy.
    private mutating func createPod(_ pod: Pod) -> Bool {
        if let error = claims.createMissing(for: pod) {
            recordPodEvent("create", pod, error: error)
            errorCount += 1
            return false
        }
        do {
            guard let created = try client.create(.pod(pod)).pod else { return false }
            claims.updateForRetentionPolicy(created)
            recordPodEvent("create", pod, error: nil)
            return true
        } catch let error as APIError where error.reason == "AlreadyExists" {
            return false
        } catch {
            recordPodEvent("create", pod, error: (error as? APIError)?.message ?? "\(error)")
            errorCount += 1
            return false
        }
    }

    private func deletePod(_ pod: Pod) {
        client.delete(ObjectKey.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default"))
        recordPodEvent("delete", pod, error: nil)
    }

    /// `UpdateStatefulPod`: restores the pod's identity and storage and its claims' owners.
    private mutating func repair(_ pod: Pod) {
        var fixed = pod
        if !StatefulSetIdentity.identityMatches(set, fixed) { StatefulSetIdentity.updateIdentity(set, &fixed) }
        if !StatefulSetIdentity.storageMatches(set, fixed) {
            StatefulSetIdentity.updateStorage(set, &fixed)
            if let error = claims.createMissing(for: fixed) {
                recordPodEvent("update", pod, error: error)
                errorCount += 1
                return
            }
        }
        if !claims.matchesRetentionPolicy(fixed) { claims.updateForRetentionPolicy(fixed) }
        do {
            if fixed.spec != pod.spec { try client.update(.pod(fixed)) } else { client.updateStatus(.pod(fixed)) }
            recordPodEvent("update", fixed, error: nil)
        } catch {
            recordPodEvent("update", pod, error: (error as? APIError)?.message ?? "\(error)")
            errorCount += 1
        }
    }

    /// `recordPodEvent`: `create Pod web-0 in StatefulSet web successful`, or `… failed error: …`.
    private func recordPodEvent(_ verb: String, _ pod: Pod, error: String?) {
        let subject = "\(verb) Pod \(pod.metadata.name ?? "") in StatefulSet \(set.metadata.name ?? "")"
        let title = verb.prefix(1).uppercased() + verb.dropFirst()
        if let error {
            client.event("Warning", "Failed\(title)", "\(subject) failed error: \(error)", on: setObject, component: StatefulSetController.component)
        } else {
            client.event("Normal", "Successful\(title)", "\(subject) successful", on: setObject, component: StatefulSetController.component)
        }
    }
}
