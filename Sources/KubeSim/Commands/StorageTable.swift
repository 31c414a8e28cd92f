import KubeModel

/// `kubectl get pv|pvc|sc` columns (pkg/printers/internalversion/printers.go, v1.33
/// `printPersistentVolume`, `printPersistentVolumeClaim`, `printStorageClass`): a deleted object
/// shows `Terminating`, `-o wide` adds VOLUMEMODE to volumes and claims, and the default class is
/// named `standard (default)`.
enum StorageTable {
    static func rows(_ objects: [KubeObject], kind: String, wide: Bool, age: (KubeObject) -> String) -> ([String], [[String]]) {
        var rows: [[String]] = []
        func volumeMode(_ mode: String?) -> [String] { wide ? [mode ?? "<unset>"] : [] }
        switch kind {
        case "PersistentVolume":
            for object in objects {
                guard case .persistentVolume(let volume) = object else { continue }
                let claim = volume.spec?.claimRef.map { "\($0.namespace ?? "")/\($0.name ?? "")" } ?? ""
                let phase = volume.metadata.deletionTimestamp != nil ? "Terminating" : (volume.status?.phase ?? "")
                rows.append([volume.metadata.name ?? "", VolumeMatching.capacity(volume).description,
                             VolumeMatching.accessModesText(volume.spec?.accessModes), volume.spec?.persistentVolumeReclaimPolicy ?? "",
                             phase, claim, VolumeMatching.className(of: volume), volume.spec?.volumeAttributesClassName ?? "<unset>",
                             volume.status?.reason ?? "", age(object)] + volumeMode(volume.spec?.volumeMode))
            }
            return (["NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "REASON", "AGE"]
                    + (wide ? ["VOLUMEMODE"] : []), rows)
        case "PersistentVolumeClaim":
            for object in objects {
                guard case .persistentVolumeClaim(let claim) = object else { continue }
                let phase = claim.metadata.deletionTimestamp != nil ? "Terminating" : (claim.status?.phase ?? "")
                let isBound = !(claim.spec?.volumeName ?? "").isEmpty
                rows.append([claim.metadata.name ?? "", phase, claim.spec?.volumeName ?? "",
                             isBound ? (claim.status?.capacity?["storage"] ?? Quantity()).description : "",
                             isBound ? VolumeMatching.accessModesText(claim.status?.accessModes) : "",
                             VolumeMatching.className(of: claim), claim.spec?.volumeAttributesClassName ?? "<unset>", age(object)]
                            + volumeMode(claim.spec?.volumeMode))
            }
            return (["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"] + (wide ? ["VOLUMEMODE"] : []), rows)
        default:
            for object in objects {
                guard case .storageClass(let storageClass) = object else { continue }
                let isDefault = storageClass.metadata.annotations?[VolumeMatching.isDefaultClass] == "true"
                rows.append([(storageClass.metadata.name ?? "") + (isDefault ? " (default)" : ""), storageClass.provisioner,
                             storageClass.reclaimPolicy ?? "Delete", storageClass.volumeBindingMode ?? "Immediate",
                             String(storageClass.allowVolumeExpansion ?? false), age(object)])
            }
            return (["NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE"], rows)
        }
    }
}
