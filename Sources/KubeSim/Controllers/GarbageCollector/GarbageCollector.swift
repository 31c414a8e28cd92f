import KubeModel

/// Cascading deletion (pkg/controller/garbagecollector/garbagecollector.go, v1.33).
///
/// Background: when an owner disappears, each dependent whose every owner is gone is deleted too,
/// which in turn frees its own dependents. Foreground: an owner deleted with
/// `propagationPolicy: Foreground` stays with `deletionTimestamp` and the `foregroundDeletion`
/// finalizer ("deletion in progress"); its dependents are deleted (in the foreground themselves
/// when they have dependents), and the finalizer is removed, letting the owner go, once no
/// dependent with `blockOwnerDeletion: true` is left. Orphaning is done by
/// `Cluster.delete(cascade: .orphan)` before the owner goes.
/// Docs: https://kubernetes.io/docs/concepts/architecture/garbage-collection/ and
/// https://kubernetes.io/docs/tasks/administer-cluster/use-cascading-deletion/
struct GarbageCollector: Controller {
    let name = "garbagecollector"

    /// Upstream `metav1.FinalizerDeleteDependents`.
    static let foregroundFinalizer = "foregroundDeletion"

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.type {
        case .deleted:
            let (uid, owners) = event.object.withMetadata { ($0.uid, $0.ownerReferences ?? []) }
            guard let uid else { return [] }
            // Its dependents may have lost their last owner; owners deleting in the foreground may
            // have lost their last blocking dependent.
            let waitingOwners = owners.compactMap { store.object(withUID: $0.uid) }.filter(Self.isDeletingDependents).map(\.key)
            return store.dependentKeys(ofUID: uid) + waitingOwners
        case .added:
            // A dependent created after its owner vanished, or while it deletes in the foreground,
            // is collected too; one whose owners all stand has nothing for `attemptToDelete`.
            let owners = event.object.withMetadata { $0.ownerReferences ?? [] }
            guard !owners.isEmpty else { return [] }
            let allSolid = owners.allSatisfy { reference in store.object(withUID: reference.uid).map { !Self.isDeletingDependents($0) } ?? false }
            return allSolid ? [] : [event.key]
        case .modified:
            return Self.isDeletingDependents(event.object) ? [event.key] : []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard let object = store.get(key) else { return .done }
        if Self.isDeletingDependents(object) {
            processDeletingDependents(object, in: store)
        } else {
            attemptToDelete(object, in: store)
        }
        return .done
    }

    /// `processDeletingDependentsItem`: deletes the dependents still there and removes the
    /// finalizer once none blocks the owner any more.
    private func processDeletingDependents(_ owner: KubeObject, in store: Store) {
        guard let uid = owner.withMetadata(\.uid) else { return }
        let dependents = store.dependents(ofUID: uid)
        for dependent in dependents { attemptToDelete(dependent, in: store) }
        let blocking = store.dependents(ofUID: uid).filter { dependent in
            (dependent.withMetadata(\.ownerReferences) ?? []).contains { $0.uid == uid && $0.blockOwnerDeletion == true }
        }
        guard blocking.isEmpty, let current = store.get(owner.key) else { return }
        var meta = current.meta
        meta.finalizers = meta.finalizers?.filter { $0 != Self.foregroundFinalizer }
        if meta.finalizers?.isEmpty == true { meta.finalizers = nil }
        store.updateStatus(current.with(meta))
    }

    /// `attemptToDeleteItem` with `classifyReferences`: owners that exist and are not deleting
    /// in the foreground are solid and keep the object (references to the others are dropped);
    /// with no solid owner left it is deleted, in the foreground when an owner waits for it and
    /// it has dependents of its own.
    private func attemptToDelete(_ object: KubeObject, in store: Store) {
        guard object.withMetadata(\.deletionTimestamp) == nil, let owners = object.withMetadata(\.ownerReferences), !owners.isEmpty else { return }
        var solid: [OwnerReference] = [], waiting: [OwnerReference] = []
        for reference in owners {
            guard let owner = store.object(withUID: reference.uid) else { continue }
            if Self.isDeletingDependents(owner) { waiting.append(reference) } else { solid.append(reference) }
        }
        if !solid.isEmpty {
            guard solid.count < owners.count else { return }
            var meta = object.meta
            meta.ownerReferences = solid
            store.updateStatus(object.with(meta))
            return
        }
        let hasDependents = object.withMetadata(\.uid).map { !store.dependents(ofUID: $0).isEmpty } ?? false
        let target = !waiting.isEmpty && hasDependents ? Self.markForForegroundDeletion(object, in: store) : object
        GracefulDeletion.delete(target, in: store, gracePeriod: nil)
    }

    /// The first half of a foreground delete (the API server's `deletionFinalizersForGarbageCollection`):
    /// the `foregroundDeletion` finalizer, so the delete that follows only marks the object.
    static func markForForegroundDeletion(_ object: KubeObject, in store: Store) -> KubeObject {
        var meta = object.meta
        guard !(meta.finalizers ?? []).contains(foregroundFinalizer) else { return object }
        meta.finalizers = (meta.finalizers ?? []) + [foregroundFinalizer]
        return store.updateStatus(object.with(meta)) ?? object
    }

    /// Deleted and waiting for its dependents (upstream `isDeletingDependents`).
    static func isDeletingDependents(_ object: KubeObject) -> Bool {
        object.withMetadata { $0.deletionTimestamp != nil && ($0.finalizers ?? []).contains(foregroundFinalizer) }
    }
}
