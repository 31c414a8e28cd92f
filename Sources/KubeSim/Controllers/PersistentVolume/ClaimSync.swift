import KubeModel

/// One pass of the PV controller over a claim: `syncUnboundClaim` / `syncBoundClaim` and `bind`
/// (pv_controller.go, v1.33), with upstream's event reasons and messages.
struct ClaimSync {
    let store: Store
    var claim: PersistentVolumeClaim

    private var claimObject: KubeObject { .persistentVolumeClaim(claim) }

    mutating func run() {
        if claim.metadata.annotations?[VolumeMatching.bindCompleted] == nil { syncUnbound() } else { syncBound() }
    }

    private func event(_ type: String, _ reason: String, _ message: String) {
        store.record(type, reason, message, on: claimObject, component: PersistentVolumeController.component)
    }

    private var volumes: [PersistentVolume] { store.list(kind: "PersistentVolume").compactMap(\.persistentVolume) }

    private func volume(named name: String) -> PersistentVolume? {
        store.get(ObjectKey(kind: "PersistentVolume", name: name))?.persistentVolume
    }

    private mutating func syncUnbound() {
        let volumeName = claim.spec?.volumeName ?? ""
        guard !volumeName.isEmpty else {
            let delayBinding = VolumeMatching.isDelayBinding(claim, in: store)
            if let volume = VolumeMatching.findBestMatch(for: claim, in: volumes, delayBinding: delayBinding) {
                bind(volume)
                return
            }
            if assignDefaultStorageClass() { return }
            if delayBinding && claim.metadata.annotations?[VolumeMatching.selectedNode] == nil {
                emitEventForUnboundDelayBindingClaim()
            } else if !VolumeMatching.className(of: claim).isEmpty {
                ClaimProvisioning(store: store).provision(&claim)
            } else {
                event("Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set")
            }
            updateStatus(phase: "Pending", volume: nil)
            return
        }
        guard let volume = volume(named: volumeName) else {
            updateStatus(phase: "Pending", volume: nil)  // asked for a volume that does not exist (yet)
            return
        }
        if volume.spec?.claimRef == nil {
            if let problem = Self.unsatisfied(volume, claim) {
                event("Warning", "VolumeMismatch", "Cannot bind to requested volume \"\(volumeName)\": \(problem)")
                updateStatus(phase: "Pending", volume: nil)
            } else {
                bind(volume)
            }
        } else if VolumeMatching.isVolume(volume, boundTo: claim) {
            bind(volume)
        } else {
            event("Warning", "FailedBinding", "volume \"\(volumeName)\" already bound to a different claim.")
            updateStatus(phase: "Pending", volume: nil)
        }
    }

    private mutating func syncBound() {
        let volumeName = claim.spec?.volumeName ?? ""
        guard !volumeName.isEmpty else {
            lose("ClaimLost", "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!")
            return
        }
        guard let volume = volume(named: volumeName) else {
            lose("ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume is lost!")
            return
        }
        if volume.spec?.claimRef == nil || volume.spec?.claimRef?.uid == claim.metadata.uid {
            bind(volume)
        } else {
            lose("ClaimMisbound", "Two claims are bound to the same volume, this one is bound incorrectly")
        }
    }

    /// `checkVolumeSatisfyClaim`, for a claim that names its volume.
    static func unsatisfied(_ volume: PersistentVolume, _ claim: PersistentVolumeClaim) -> String? {
        if volume.metadata.deletionTimestamp != nil { return "the volume is marked for deletion \"\(volume.metadata.name ?? "")\"" }
        if VolumeMatching.capacity(volume) < VolumeMatching.requestedStorage(claim) { return "requested PV is too small" }
        if VolumeMatching.className(of: volume) != VolumeMatching.className(of: claim) { return "storageClassName does not match" }
        if VolumeMatching.volumeModesDiffer(claim, volume) { return "incompatible volumeMode" }
        if !VolumeMatching.accessModesFit(claim, volume) { return "incompatible accessMode" }
        return nil
    }

    /// `emitEventForUnboundDelayBindingClaim`.
    private func emitEventForUnboundDelayBindingClaim() {
        let waiting = VolumeMatching.pods(using: claim, in: store)
            .filter { $0.spec?.nodeName == nil && !["Succeeded", "Failed"].contains($0.status?.phase ?? "") }
            .compactMap(\.metadata.name)
        switch waiting.count {
        case 0: event("Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding")
        case 1: event("Normal", "WaitForPodScheduled", "waiting for pod \(waiting[0]) to be scheduled")
        default: event("Normal", "WaitForPodScheduled", "waiting for pods \(waiting.joined(separator: ",")) to be scheduled")
        }
    }

    /// `assignDefaultStorageClass`: a claim created before any default class existed gets it now
    /// (retroactive default StorageClass assignment, GA in 1.28).
    private mutating func assignDefaultStorageClass() -> Bool {
        guard claim.spec?.storageClassName == nil, claim.metadata.annotations?["volume.beta.kubernetes.io/storage-class"] == nil,
              let name = DefaultStorageClass.defaultClass(in: store)?.metadata.name else { return false }
        claim.spec?.storageClassName = name
        if let written = try? store.update(claimObject) { claim = written.persistentVolumeClaim ?? claim }
        return true
    }

    /// `bind`: the volume's claimRef, the volume's phase, the claim's volumeName and annotations,
    /// then the claim's phase, capacity and access modes.
    private mutating func bind(_ volume: PersistentVolume) {
        var volume = volume
        let shouldMarkVolume = !VolumeMatching.isVolume(volume, boundTo: claim)
        if volume.spec?.claimRef?.uid != claim.metadata.uid || volume.spec?.claimRef?.name != claim.metadata.name {
            volume.spec?.claimRef = Self.reference(to: claim)
        }
        if shouldMarkVolume { volume.metadata.annotations = (volume.metadata.annotations ?? [:]).merging([VolumeMatching.boundByController: "yes"]) { old, _ in old } }
        var status = volume.status ?? PersistentVolumeStatus()
        if status.phase != "Bound" {
            status.phase = "Bound"
            status.lastPhaseTransitionTime = store.now.rfc3339
        }
        volume.status = status
        volume = (try? store.update(.persistentVolume(volume)))?.persistentVolume ?? volume

        var annotations = claim.metadata.annotations ?? [:]
        if claim.spec?.volumeName != volume.metadata.name {
            claim.spec?.volumeName = volume.metadata.name
            annotations[VolumeMatching.boundByController] = annotations[VolumeMatching.boundByController] ?? "yes"
        }
        annotations[VolumeMatching.bindCompleted] = annotations[VolumeMatching.bindCompleted] ?? "yes"
        claim.metadata.annotations = annotations
        claim = (try? store.update(claimObject))?.persistentVolumeClaim ?? claim
        updateStatus(phase: "Bound", volume: volume)
    }

    /// `updateClaimStatus`: phase, and the volume's access modes and capacity (capacity only when
    /// the claim becomes Bound, so a resize in progress is not clobbered).
    private mutating func updateStatus(phase: String, volume: PersistentVolume?) {
        var status = claim.status ?? PersistentVolumeClaimStatus()
        if let volume {
            status.accessModes = volume.spec?.accessModes
            if status.phase != phase { status.capacity = volume.spec?.capacity }
        } else {
            status.accessModes = nil
            status.capacity = nil
        }
        status.phase = phase
        claim.status = status
        claim = store.updateStatus(claimObject)?.persistentVolumeClaim ?? claim
    }

    /// `updateClaimStatusWithEvent(…, ClaimLost, …)`: the event only on the change.
    private mutating func lose(_ reason: String, _ message: String) {
        guard claim.status?.phase != "Lost" else { return }
        updateStatus(phase: "Lost", volume: nil)
        event("Warning", reason, message)
    }

    /// `ref.GetReference` for a claim, as a volume's `spec.claimRef` holds it.
    static func reference(to claim: PersistentVolumeClaim) -> ObjectReference {
        var reference = ObjectReference()
        reference.apiVersion = "v1"
        reference.kind = "PersistentVolumeClaim"
        reference.namespace = claim.metadata.namespace ?? "default"
        reference.name = claim.metadata.name
        reference.uid = claim.metadata.uid
        reference.resourceVersion = claim.metadata.resourceVersion
        return reference
    }
}
