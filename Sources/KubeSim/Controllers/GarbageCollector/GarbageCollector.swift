import KubeModel

/// Background cascading deletion (pkg/controller/garbagecollector): when an owner disappears,
/// each dependent whose every owner is gone is deleted too, which in turn frees its own
/// dependents. Orphaning is done by `Cluster.delete(cascade: .orphan)` before the owner goes.
/// Docs: https://kubernetes.io/docs/concepts/architecture/garbage-collection/
struct GarbageCollector: Controller {
    let name = "garbagecollector"

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.type {
        case .deleted:
            guard let uid = event.object.meta.uid else { return [] }
            return store.dependents(ofUID: uid).map(\.key)
        case .added:
            // A dependent created after its owner vanished is collected too.
            return event.object.meta.ownerReferences?.isEmpty == false ? [event.key] : []
        case .modified:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard let object = store.get(key), let owners = object.meta.ownerReferences, !owners.isEmpty else { return .done }
        guard owners.allSatisfy({ !store.exists(uid: $0.uid) }) else { return .done }
        GracefulDeletion.delete(object, in: store, gracePeriod: nil)
        return .done
    }
}
