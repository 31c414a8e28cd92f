import KubeModel

/// The core/v1 defaults of volumes and claims (pkg/apis/core/v1/defaults.go, v1.33
/// `SetDefaults_PersistentVolume`, `SetDefaults_PersistentVolumeClaim`): phase `Pending`,
/// `volumeMode: Filesystem`, and for volumes `persistentVolumeReclaimPolicy: Retain`.
struct VolumeDefaults: AdmissionPlugin {
    let name = "VolumeDefaults"

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard operation.isCreate else { return }
        switch object {
        case .persistentVolume(var volume):
            var spec = volume.spec ?? PersistentVolumeSpec()
            spec.persistentVolumeReclaimPolicy = spec.persistentVolumeReclaimPolicy ?? "Retain"
            spec.volumeMode = spec.volumeMode ?? "Filesystem"
            volume.spec = spec
            var status = volume.status ?? PersistentVolumeStatus()
            status.phase = status.phase ?? "Pending"
            volume.status = status
            object = .persistentVolume(volume)
        case .persistentVolumeClaim(var claim):
            var spec = claim.spec ?? PersistentVolumeClaimSpec()
            spec.volumeMode = spec.volumeMode ?? "Filesystem"
            claim.spec = spec
            var status = claim.status ?? PersistentVolumeClaimStatus()
            status.phase = status.phase ?? "Pending"
            claim.status = status
            object = .persistentVolumeClaim(claim)
        default:
            return
        }
    }
}
