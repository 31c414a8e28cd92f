import KubeModel

/// Gives every namespace its `default` ServiceAccount (pkg/controller/serviceaccount,
/// `serviceaccounts_controller.go`), which pods use unless they name another.
struct ServiceAccountController: Controller {
    let name = "serviceaccount"

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch (event.type, event.key.kind) {
        case (.added, "Namespace"): return [event.key]
        case (.deleted, "ServiceAccount") where event.key.name == "default":
            return [ObjectKey(kind: "Namespace", name: event.key.namespace)]
        default: return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard store.get(key) != nil,
              store.get(ObjectKey(kind: "ServiceAccount", namespace: key.name, name: "default")) == nil else { return .done }
        var account = ServiceAccount()
        account.metadata.name = "default"
        account.metadata.namespace = key.name
        _ = try? store.create(.serviceAccount(account))
        return .done
    }
}

/// Deleting a namespace deletes everything in it (pkg/controller/namespace/deletion).
struct NamespaceController: Controller {
    let name = "namespace"

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        event.type == .deleted && event.key.kind == "Namespace" ? [event.key] : []
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard store.get(key) == nil else { return .done }
        for member in store.objects.keys.sorted() where member.namespace == key.name {
            store.remove(member)
        }
        return .done
    }
}
