import KubeModel

/// Gives a new claim that names no class the default one
/// (plugin/pkg/admission/storage/storageclass/setdefault/admission.go, v1.33). An explicit
/// `storageClassName: ""` means "no class" and is left alone; with several defaults the newest wins
/// (`util.GetDefaultClass`).
struct DefaultStorageClass: AdmissionPlugin {
    let name = "DefaultStorageClass"

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard case .persistentVolumeClaim(var claim) = object, operation.isCreate,
              claim.spec?.storageClassName == nil, claim.metadata.annotations?["volume.beta.kubernetes.io/storage-class"] == nil,
              let className = Self.defaultClass(in: store)?.metadata.name else { return }
        var spec = claim.spec ?? PersistentVolumeClaimSpec()
        spec.storageClassName = className
        claim.spec = spec
        object = .persistentVolumeClaim(claim)
    }

    /// The class annotated `storageclass.kubernetes.io/is-default-class: "true"`; the newest
    /// (then the first by name) when there are several.
    static func defaultClass(in store: Store) -> StorageClass? {
        store.list(kind: "StorageClass").compactMap { object -> StorageClass? in
            guard case .storageClass(let storageClass) = object, storageClass.metadata.annotations?[VolumeMatching.isDefaultClass] == "true" else { return nil }
            return storageClass
        }.max { lhs, rhs in
            let left = lhs.metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? .zero
            let right = rhs.metadata.creationTimestamp.flatMap(VirtualTime.init(rfc3339:)) ?? .zero
            if left != right { return left < right }
            return (lhs.metadata.name ?? "") > (rhs.metadata.name ?? "")
        }
    }
}
