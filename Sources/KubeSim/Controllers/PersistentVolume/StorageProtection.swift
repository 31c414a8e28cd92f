import KubeModel

/// Removes `kubernetes.io/pvc-protection` from a deleted claim once no pod uses it
/// (pkg/controller/volume/pvcprotection/pvc_protection_controller.go, v1.33): a scheduled pod that
/// has not finished keeps the claim Terminating, even while the pod itself terminates.
struct PVCProtectionController: Controller {
    let name = "pvc-protection"
    let watchedKinds: Set<String>? = ["PersistentVolumeClaim", "Pod"]
    let primaryKinds: Set<String>? = ["PersistentVolumeClaim"]

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        if let claims = event.object.withPod({ pod -> [ObjectKey] in
            // A pod that went away or finished may have been the last user of a claim being deleted.
            guard event.type == .deleted || ["Succeeded", "Failed"].contains(pod.status?.phase ?? "") else { return [] }
            return VolumeMatching.claimKeys(of: pod)
        }) { return claims }
        switch event.object {
        case .persistentVolumeClaim(let claim) where event.type != .deleted && claim.metadata.deletionTimestamp != nil:
            return [event.key]
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .persistentVolumeClaim(var claim)? = store.get(key), claim.metadata.deletionTimestamp != nil,
              (claim.metadata.finalizers ?? []).contains(StorageObjectInUseProtection.pvcFinalizer) else { return .done }
        let inUse = VolumeMatching.pods(using: claim, in: store).contains { pod in
            pod.spec?.nodeName != nil && !["Succeeded", "Failed"].contains(pod.status?.phase ?? "")
        }
        guard !inUse else { return .done }
        claim.metadata.finalizers = Self.removing(StorageObjectInUseProtection.pvcFinalizer, from: claim.metadata.finalizers)
        store.updateStatus(.persistentVolumeClaim(claim))
        return .done
    }

    static func removing(_ finalizer: String, from finalizers: [String]?) -> [String]? {
        let rest = (finalizers ?? []).filter { $0 != finalizer }
        return rest.isEmpty ? nil : rest
    }
}

/// Removes `kubernetes.io/pv-protection` from a deleted volume once it is not Bound
/// (pkg/controller/volume/pvprotection/pv_protection_controller.go, v1.33).
struct PVProtectionController: Controller {
    let name = "pv-protection"
    let watchedKinds: Set<String>? = ["PersistentVolume"]

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        guard case .persistentVolume(let volume) = event.object, event.type != .deleted, volume.metadata.deletionTimestamp != nil else { return [] }
        return [event.key]
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .persistentVolume(var volume)? = store.get(key), volume.metadata.deletionTimestamp != nil,
              (volume.metadata.finalizers ?? []).contains(StorageObjectInUseProtection.pvFinalizer),
              volume.status?.phase != "Bound" else { return .done }
        volume.metadata.finalizers = PVCProtectionController.removing(StorageObjectInUseProtection.pvFinalizer, from: volume.metadata.finalizers)
        store.updateStatus(.persistentVolume(volume))
        return .done
    }
}
