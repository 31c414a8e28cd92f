import KubeModel

/// One pass of the PV controller over a volume: `syncVolume` and `reclaimVolume`
/// (pv_controller.go, v1.33). Unclaimed and pre-bound volumes are Available; a volume whose claim
/// is gone (or was replaced by one of the same name) is Released and then kept (`Retain`),
/// deleted (`Delete`) or failed (`Recycle`, which has no recycler here).
struct VolumeSync {
    let store: Store
    let volume: PersistentVolume

    func run() {
        guard let reference = volume.spec?.claimRef else {
            setPhase("Available")
            return
        }
        if (reference.uid ?? "").isEmpty {
            setPhase("Available")  // pre-bound by the user; the claim's sync binds it
            return
        }
        let claimKey = ObjectKey(kind: "PersistentVolumeClaim", namespace: reference.namespace ?? "default", name: reference.name ?? "")
        guard let claim = store.get(claimKey)?.persistentVolumeClaim, claim.metadata.uid == reference.uid else {
            release()
            return
        }
        let volumeName = claim.spec?.volumeName ?? ""
        if volumeName.isEmpty {
            if VolumeMatching.volumeModesDiffer(claim, volume) {
                let name = volume.metadata.name ?? ""
                store.record("Warning", "VolumeMismatch", "Cannot bind PersistentVolume to requested PersistentVolumeClaim \"\(claim.metadata.name ?? "")\" due to incompatible volumeMode.",
                             on: .persistentVolume(volume), component: PersistentVolumeController.component)
                store.record("Warning", "VolumeMismatch", "Cannot bind PersistentVolume \"\(name)\" to requested PersistentVolumeClaim due to incompatible volumeMode.",
                             on: .persistentVolumeClaim(claim), component: PersistentVolumeController.component)
            }
            // Otherwise the claim's sync (queued by this volume's event) finishes the binding.
        } else if volumeName == volume.metadata.name {
            setPhase("Bound")
        } else if volume.metadata.annotations?[VolumeMatching.provisionedBy] != nil && volume.spec?.persistentVolumeReclaimPolicy == "Delete" {
            release()  // provisioned for a claim that got bound elsewhere
        } else {
            unbind()
        }
    }

    @discardableResult
    private func setPhase(_ phase: String, message: String? = nil) -> PersistentVolume {
        guard volume.status?.phase != phase else { return volume }
        var updated = volume
        var status = updated.status ?? PersistentVolumeStatus()
        status.phase = phase
        status.message = message
        status.lastPhaseTransitionTime = store.now.rfc3339
        updated.status = status
        return store.updateStatus(.persistentVolume(updated))?.persistentVolume ?? updated
    }

    /// The claim is gone: Released (a Failed volume stays Failed), then the reclaim policy.
    private func release() {
        let released = ["Released", "Failed"].contains(volume.status?.phase ?? "") ? volume : setPhase("Released")
        switch released.spec?.persistentVolumeReclaimPolicy ?? "Retain" {
        case "Retain":
            break
        case "Delete":
            // Volumes of a simulated provisioner are deleted by it, like an external deleter.
            if SimulatedProvisioner.provisions(released, in: store) { return }
            fail(released, "VolumeFailedDelete", "error getting deleter volume plugin for volume \"\(released.metadata.name ?? "")\": no deletable volume plugin matched")
        case "Recycle":
            fail(released, "VolumeFailedRecycle", "No recycler plugin found for the volume!")
        default:
            fail(released, "VolumeUnknownReclaimPolicy", "Volume has unrecognized PersistentVolumeReclaimPolicy")
        }
    }

    /// `updateVolumePhaseWithEvent(…, Failed, …)`: the event only on the change.
    private func fail(_ current: PersistentVolume, _ reason: String, _ message: String) {
        guard current.status?.phase != "Failed" else { return }
        let failed = VolumeSync(store: store, volume: current).setPhase("Failed", message: message)
        store.record("Warning", reason, message, on: .persistentVolume(failed), component: PersistentVolumeController.component)
    }

    /// `unbindVolume`: a volume the controller bound loses its claimRef; one the user pre-bound
    /// keeps it without the uid. Either way it is Available again.
    private func unbind() {
        var updated = volume
        if updated.metadata.annotations?[VolumeMatching.boundByController] != nil {
            updated.spec?.claimRef = nil
            updated.metadata.annotations?[VolumeMatching.boundByController] = nil
            if updated.metadata.annotations?.isEmpty == true { updated.metadata.annotations = nil }
        } else {
            updated.spec?.claimRef?.uid = nil
        }
        let written = (try? store.update(.persistentVolume(updated)))?.persistentVolume ?? updated
        VolumeSync(store: store, volume: written).setPhase("Available")
    }
}
