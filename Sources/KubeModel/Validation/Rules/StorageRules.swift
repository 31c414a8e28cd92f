/// `ValidatePersistentVolumeClaimSpec`, `ValidatePersistentVolumeSpec` (pkg/apis/core/validation) and
/// `ValidateStorageClass` (pkg/apis/storage/validation), v1.33.0.
enum StorageRules {
    static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]

    static func checkAccessModes(_ modes: [String], _ path: String, _ context: inout RuleContext) {
        if modes.isEmpty { context.required(path, "at least 1 access mode is required") }
        for mode in modes where !accessModes.contains(mode) { context.unsupported(path, mode, accessModes) }
        if modes.contains("ReadWriteOncePod"), modes.count > 1 {
            context.forbidden(path, "may not use ReadWriteOncePod with other access modes")
        }
    }

    static func claim(_ spec: PersistentVolumeClaimSpec, path: String, _ context: inout RuleContext) {
        checkAccessModes(spec.accessModes ?? [], FieldPath.child(path, "accessModes"), &context)
        CommonRules.labelSelector(spec.selector, FieldPath.child(path, "selector"), &context)
        let storagePath = FieldPath.key(FieldPath.child(path, "resources.requests"), "storage")
        if let storage = spec.resources?.requests?["storage"] {
            if storage.amount <= 0 { context.invalid(storagePath, storage.description, "must be greater than zero") }
        } else {
            context.required(FieldPath.key(FieldPath.child(path, "resources"), "storage"))
        }
        CommonRules.oneOf(spec.volumeMode, ["Block", "Filesystem"], FieldPath.child(path, "volumeMode"), &context)
    }

    static func volume(_ spec: PersistentVolumeSpec, _ context: inout RuleContext) {
        checkAccessModes(spec.accessModes ?? [], "spec.accessModes", &context)
        if spec.capacity?["storage"] == nil { context.required("spec.capacity") }
        CommonRules.oneOf(spec.persistentVolumeReclaimPolicy, ["Delete", "Recycle", "Retain"], "spec.persistentVolumeReclaimPolicy", &context)
        CommonRules.oneOf(spec.volumeMode, ["Block", "Filesystem"], "spec.volumeMode", &context)
    }

    static func storageClass(_ storageClass: StorageClass, _ context: inout RuleContext) {
        CommonRules.oneOf(storageClass.reclaimPolicy, ["Delete", "Retain"], "reclaimPolicy", &context)
        CommonRules.oneOf(storageClass.volumeBindingMode, ["Immediate", "WaitForFirstConsumer"], "volumeBindingMode", &context)
        if !storageClass.provisioner.isEmpty {
            for error in NameFormats.qualifiedName(storageClass.provisioner.lowercased()) { context.invalid("provisioner", storageClass.provisioner, error) }
        }
    }
}
