import KubeModel

/// Empties a namespace being deleted, then lets it go (pkg/controller/namespace, v1.33:
/// `namespace_controller.go` and `deletion/namespaced_resources_deleter.go`). Deleting a namespace
/// only marks it `Terminating` (its `spec.finalizers` hold `kubernetes`); this controller deletes
/// every object in it the ordinary way (pods get their grace periods, finalizers are honoured),
/// reports what is left in the namespace's conditions, and once nothing is left removes the
/// `kubernetes` finalizer, which deletes the namespace.
struct NamespaceController: Controller {
    let name = "namespace"

    /// Upstream `v1.FinalizerKubernetes`.
    static let finalizer = "kubernetes"

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        if event.key.kind == "Namespace" {
            return event.type != .deleted && event.object.withMetadata(\.deletionTimestamp) != nil ? [event.key] : []
        }
        // Content leaving a terminating namespace may have been the last of it.
        guard event.type == .deleted, !event.key.namespace.isEmpty else { return [] }
        guard store.isTerminating(namespace: event.key.namespace) else { return [] }
        return [ObjectKey(kind: "Namespace", name: event.key.namespace)]
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard case .namespace(let namespace)? = store.get(key), namespace.metadata.deletionTimestamp != nil else { return .done }
        for member in Self.content(of: key.name, in: store) where member.withMetadata(\.deletionTimestamp) == nil {
            GracefulDeletion.delete(member, in: store, gracePeriod: nil)
        }
        let remaining = Self.content(of: key.name, in: store)
        guard case .namespace(var current)? = store.get(key) else { return .done }
        current.status = NamespaceConditions.status(of: current, remaining: remaining, at: now)
        if remaining.isEmpty {
            let rest = (current.spec?.finalizers ?? []).filter { $0 != Self.finalizer }
            current.spec?.finalizers = rest.isEmpty ? nil : rest
        }
        store.updateStatus(.namespace(current))
        if remaining.isEmpty { store.delete(key) }
        return .done
    }

    /// Every object in the namespace, kinds and names sorted.
    static func content(of namespace: String, in store: Store) -> [KubeObject] {
        store.kinds.flatMap { store.list(kind: $0, namespace: namespace) }.filter { $0.isNamespaced }
    }
}
