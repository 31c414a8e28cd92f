import KubeModel

/// What the namespace registry sets on create (pkg/registry/core/namespace/strategy.go
/// `PrepareForCreate`): phase `Active` and the `kubernetes` finalizer in `spec.finalizers`, which
/// makes a deleted namespace wait, `Terminating`, until the namespace controller has emptied it.
struct NamespaceDefaults: AdmissionPlugin {
    let name = "NamespaceDefaults"

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard case .namespace(let namespace) = object, operation.isCreate else { return }
        object = .namespace(namespace.withDefaults())
    }
}

extension Namespace {
    /// Phase `Active`, `spec.finalizers: [kubernetes]` and the `kubernetes.io/metadata.name` label
    /// (the NamespaceDefaultLabelName behaviour, GA in 1.22).
    func withDefaults() -> Namespace {
        var namespace = self
        var spec = namespace.spec ?? NamespaceSpec()
        if !(spec.finalizers ?? []).contains(NamespaceController.finalizer) {
            spec.finalizers = (spec.finalizers ?? []) + [NamespaceController.finalizer]
        }
        namespace.spec = spec
        var status = NamespaceStatus()
        status.phase = "Active"
        namespace.status = status
        if let name = namespace.metadata.name {
            namespace.metadata.labels = (namespace.metadata.labels ?? [:]).merging(["kubernetes.io/metadata.name": name]) { _, new in new }
        }
        return namespace
    }
}
