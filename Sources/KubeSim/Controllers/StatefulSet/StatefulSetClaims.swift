import KubeModel

/// The pods' PersistentVolumeClaims: created before each pod from `volumeClaimTemplates`, and
/// owned as `persistentVolumeClaimRetentionPolicy` says, so that the garbage collector deletes
/// them with the set (`whenDeleted: Delete`) or with a scaled-down pod (`whenScaled: Delete`),
/// and otherwise leaves them for the pod that comes back with the same ordinal.
/// Upstream: stateful_pod_control.go and stateful_set_utils.go (`isClaimOwnerUpToDate`,
/// `updateClaimOwnerRefForSetAndPod`), v1.33, StatefulSetAutoDeletePVC (GA in 1.32).
struct StatefulSetClaims {
    let set: StatefulSet
    let client: ControllerClient

    var setObject: KubeObject { .statefulSet(self.set) }

    /// `getPersistentVolumeClaimRetentionPolicy`: Retain for whatever is unset.
    var policy: (whenDeleted: String, whenScaled: String) {
        let policy = set.spec?.persistentVolumeClaimRetentionPolicy
        return (policy?.whenDeleted ?? "Retain", policy?.whenScaled ?? "Retain")
    }

    private func existing(_ name: String) -> PersistentVolumeClaim? {
        guard case .persistentVolumeClaim(let claim)? = client.store.get(ObjectKey(kind: "PersistentVolumeClaim", namespace: set.metadata.namespace ?? "default", name: name)) else { return nil }
        return claim
    }

    /// `createPersistentVolumeClaims`: creates the claims that do not exist yet, each with its
    /// event; returns upstream's aggregated error text, or nil when every claim is there.
    func createMissing(for pod: Pod) -> String? {
        var errors: [String] = []
        for (_, claim) in StatefulSetIdentity.claims(set, ordinal: StatefulSetIdentity.ordinal(pod)) {
            let name = claim.metadata.name ?? ""
            if let found = existing(name) {
                if found.metadata.deletionTimestamp != nil { errors.append("pvc \(name) is being deleted") }
                continue
            }
            do {
                try client.create(.persistentVolumeClaim(claim))
                recordClaimEvent(claim: name, pod: pod, error: nil)
            } catch {
                let message = (error as? APIError)?.message ?? "\(error)"
                errors.append("failed to create PVC \(name): \(message)")
                recordClaimEvent(claim: name, pod: pod, error: message)
            }
        }
        return Self.aggregate(errors)
    }

    /// `errorutils.NewAggregate(errs).Error()`: one error as is, several in brackets.
    static func aggregate(_ errors: [String]) -> String? {
        switch errors.count {
        case 0: return nil
        case 1: return errors[0]
        default: return "[" + errors.joined(separator: ", ") + "]"
        }
    }

    /// `recordClaimEvent`: `create Claim data-web-0 Pod web-0 in StatefulSet web success`.
    func recordClaimEvent(claim: String, pod: Pod, error: String?) {
        let podName = pod.metadata.name ?? "", setName = set.metadata.name ?? ""
        if let error {
            client.event("Warning", "FailedCreate", "create Claim \(claim) for Pod \(podName) in StatefulSet \(setName) failed error: \(error)",
                         on: setObject, component: StatefulSetController.component)
        } else {
            client.event("Normal", "SuccessfulCreate", "create Claim \(claim) Pod \(podName) in StatefulSet \(setName) success",
                         on: setObject, component: StatefulSetController.component)
        }
    }

    /// `PodClaimIsStale`: with `whenScaled: Delete`, a claim still owned by an earlier pod of the
    /// same name is about to be collected, so the new pod must wait rather than reuse it.
    func isStale(_ pod: Pod) -> Bool {
        guard policy.whenScaled != "Retain" else { return false }
        return StatefulSetIdentity.claims(set, ordinal: StatefulSetIdentity.ordinal(pod)).contains { entry in
            existing(entry.claim.metadata.name ?? "").map { Self.hasStaleRef($0, name: pod.metadata.name, kind: "Pod", apiVersion: "v1", uid: pod.metadata.uid) } ?? false
        }
    }

    /// `ClaimsMatchRetentionPolicy`: missing claims are picked up on a later sync.
    func matchesRetentionPolicy(_ pod: Pod) -> Bool {
        StatefulSetIdentity.claims(set, ordinal: StatefulSetIdentity.ordinal(pod)).allSatisfy { entry in
            existing(entry.claim.metadata.name ?? "").map { isOwnerUpToDate($0, pod) } ?? true
        }
    }

    /// `UpdatePodClaimForRetentionPolicy`: rewrites the owner references of the pod's claims.
    func updateForRetentionPolicy(_ pod: Pod) {
        for entry in StatefulSetIdentity.claims(set, ordinal: StatefulSetIdentity.ordinal(pod)) {
            guard var claim = existing(entry.claim.metadata.name ?? "") else { continue }
            if hasUnexpectedController(claim, pod) {
                client.event("Warning", "ConflictingController",
                             "PersistentVolumeClaim \(claim.metadata.name ?? "") has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim",
                             on: setObject, component: StatefulSetController.component)
            }
            guard !isOwnerUpToDate(claim, pod) else { continue }
            claim.metadata.ownerReferences = updatedOwnerRefs(claim, pod)
            client.updateStatus(.persistentVolumeClaim(claim))
        }
    }

    // MARK: Owner reference rules (stateful_set_utils.go)

    private func refersToSet(_ ref: OwnerReference) -> Bool {
        ref.apiVersion == "apps/v1" && ref.kind == "StatefulSet" && ref.name == set.metadata.name
    }

    private func refersToPod(_ ref: OwnerReference, _ pod: Pod) -> Bool {
        ref.apiVersion == "v1" && ref.kind == "Pod" && ref.name == pod.metadata.name
    }

    private static func hasRef(_ claim: PersistentVolumeClaim, uid: String?) -> Bool {
        guard let uid else { return false }
        return (claim.metadata.ownerReferences ?? []).contains { $0.uid == uid }
    }

    /// `hasStaleOwnerRef`: a reference to an object of this name and kind but another uid.
    static func hasStaleRef(_ claim: PersistentVolumeClaim, name: String?, kind: String, apiVersion: String, uid: String?) -> Bool {
        guard let ref = (claim.metadata.ownerReferences ?? []).first(where: { $0.apiVersion == apiVersion && $0.kind == kind && $0.name == name }) else { return false }
        return ref.uid != (uid ?? "")
    }

    /// `hasUnexpectedController`: under a Delete policy, a controller other than this set or pod.
    func hasUnexpectedController(_ claim: PersistentVolumeClaim, _ pod: Pod) -> Bool {
        if policy.whenScaled == "Retain" && policy.whenDeleted == "Retain" { return false }
        for ref in claim.metadata.ownerReferences ?? [] {
            if refersToSet(ref) {
                if ref.uid != set.metadata.uid { return true }
                continue
            }
            if refersToPod(ref, pod) {
                if ref.uid != pod.metadata.uid { return true }
                continue
            }
            if ref.controller == true { return true }
        }
        return false
    }

    /// `hasNonControllerOwner`: the set or pod owns the claim without being its controller.
    private func hasNonControllerOwner(_ claim: PersistentVolumeClaim, _ pod: Pod) -> Bool {
        (claim.metadata.ownerReferences ?? []).contains { ref in
            (ref.uid == set.metadata.uid || ref.uid == pod.metadata.uid) && ref.controller != true
        }
    }

    /// `isClaimOwnerUpToDate`. Retain/Retain: no references; Retain on scale-down, Delete with
    /// the set: the set only; Delete on scale-down, Retain with the set: the pod once scaled
    /// down; Delete/Delete: the set while in range, the pod once scaled down.
    func isOwnerUpToDate(_ claim: PersistentVolumeClaim, _ pod: Pod) -> Bool {
        if Self.hasStaleRef(claim, name: set.metadata.name, kind: "StatefulSet", apiVersion: "apps/v1", uid: set.metadata.uid)
            || Self.hasStaleRef(claim, name: pod.metadata.name, kind: "Pod", apiVersion: "v1", uid: pod.metadata.uid) {
            return true  // managed by an earlier set or pod of this name: not ours to touch
        }
        let hasSetRef = Self.hasRef(claim, uid: set.metadata.uid), hasPodRef = Self.hasRef(claim, uid: pod.metadata.uid)
        if hasUnexpectedController(claim, pod) { return !(hasSetRef || hasPodRef) }
        if hasNonControllerOwner(claim, pod) { return false }
        let scaledDown = !StatefulSetIdentity.isInOrdinalRange(pod, set)
        switch (policy.whenScaled, policy.whenDeleted) {
        case ("Retain", "Delete"): return hasSetRef && !hasPodRef
        case ("Delete", "Retain"): return !hasSetRef && scaledDown == hasPodRef
        case ("Delete", "Delete"): return scaledDown != hasSetRef && scaledDown == hasPodRef
        default: return !hasSetRef && !hasPodRef
        }
    }

    /// `updateClaimOwnerRefForSetAndPod`: drops this set's and pod's references, then adds the
    /// ones the policy wants as controller references (`metav1.NewControllerRef`).
    func updatedOwnerRefs(_ claim: PersistentVolumeClaim, _ pod: Pod) -> [OwnerReference]? {
        let unexpected = hasUnexpectedController(claim, pod)
        var refs = (claim.metadata.ownerReferences ?? []).filter { !refersToSet($0) && !refersToPod($0, pod) }
        if !unexpected {
            let scaledDown = !StatefulSetIdentity.isInOrdinalRange(pod, set)
            switch (policy.whenScaled, policy.whenDeleted) {
            case ("Retain", "Delete"): refs.append(ControllerRef.make(for: setObject))
            case ("Delete", "Retain") where scaledDown: refs.append(ControllerRef.make(for: .pod(pod)))
            case ("Delete", "Delete"): refs.append(ControllerRef.make(for: scaledDown ? .pod(pod) : setObject))
            default: break
            }
        }
        return refs.isEmpty ? nil : refs
    }
}
