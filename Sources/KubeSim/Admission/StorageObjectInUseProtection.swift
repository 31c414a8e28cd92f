import KubeModel

/// Adds the protection finalizers to new claims and volumes
/// (plugin/pkg/admission/storage/storageobjectinuseprotection/admission.go, v1.33), so that a claim
/// in use by a pod, or a volume bound to a claim, is only marked Terminating when deleted and goes
/// once the protection controllers release it.
struct StorageObjectInUseProtection: AdmissionPlugin {
    let name = "StorageObjectInUseProtection"

    /// Upstream `volumeutil.PVCProtectionFinalizer` and `PVProtectionFinalizer`.
    static let pvcFinalizer = "kubernetes.io/pvc-protection"
    static let pvFinalizer = "kubernetes.io/pv-protection"

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard operation.isCreate else { return }
        let finalizer: String
        switch object {
        case .persistentVolumeClaim: finalizer = Self.pvcFinalizer
        case .persistentVolume: finalizer = Self.pvFinalizer
        default: return
        }
        var meta = object.meta
        guard !(meta.finalizers ?? []).contains(finalizer) else { return }
        meta.finalizers = (meta.finalizers ?? []) + [finalizer]
        object = object.with(meta)
    }
}
