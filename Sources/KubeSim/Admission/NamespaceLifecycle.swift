import KubeModel

/// Keeps content out of namespaces that are missing or being deleted, and keeps the namespaces a
/// cluster cannot work without (staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go, v1.33).
struct NamespaceLifecycle: AdmissionPlugin {
    let name = "NamespaceLifecycle"

    /// kube-apiserver's `immortalNamespaces`: default, kube-system and kube-public.
    static let immortalNamespaces: Set<String> = ["default", "kube-public", "kube-system"]

    func admit(_ object: inout KubeObject, operation: AdmissionOperation, store: Store) throws {
        guard object.isNamespaced, operation.isCreate else { return }
        let namespace = object.withMetadata(\.namespace) ?? "default"  // `meta` copies every field
        guard let live = store.get(ObjectKey(kind: "Namespace", name: namespace)) else {
            throw APIError(reason: "NotFound", message: "namespaces \"\(namespace)\" not found")
        }
        if Self.isTerminating(live) {
            throw AdmissionChain.forbidden(object, "unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }

    /// The DELETE half: `namespaces "default" is forbidden: this namespace may not be deleted`.
    static func admitDeletion(of object: KubeObject) throws {
        guard object.kind == "Namespace", let name = object.meta.name, immortalNamespaces.contains(name) else { return }
        throw AdmissionChain.forbidden(object, "this namespace may not be deleted")
    }

    /// Deleted and waiting for its content to go (`status.phase: Terminating`).
    static func isTerminating(_ namespace: KubeObject) -> Bool {
        if case .namespace(let namespace) = namespace, namespace.status?.phase == "Terminating" { return true }
        return namespace.withMetadata { $0.deletionTimestamp != nil }
    }
}
