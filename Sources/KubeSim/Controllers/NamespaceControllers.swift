import KubeModel

/// Gives every namespace its `default` ServiceAccount (pkg/controller/serviceaccount,
/// `serviceaccounts_controller.go`), which pods use unless they name another.
struct ServiceAccountController: Controller {
    let name = "serviceaccount"
    let watchedKinds: Set<String>? = ["Namespace", "ServiceAccount"]

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch (event.type, event.key.kind) {
        case (.added, "Namespace"): return [event.key]
        case (.deleted, "ServiceAccount") where event.key.name == "default":
            return [ObjectKey(kind: "Namespace", name: event.key.namespace)]
        default: return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        // A terminating namespace refuses new content (NamespaceLifecycle), the account included.
        guard let namespace = store.get(key), !NamespaceLifecycle.isTerminating(namespace),
              store.get(ObjectKey(kind: "ServiceAccount", namespace: key.name, name: "default")) == nil else { return .done }
        var account = ServiceAccount()
        account.metadata.name = "default"
        account.metadata.namespace = key.name
        _ = try? store.create(.serviceAccount(account))
        return .done
    }
}
