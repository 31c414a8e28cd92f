import KubeModel

/// Binds PersistentVolumeClaims to PersistentVolumes and reclaims released volumes
/// (pkg/controller/volume/persistentvolume/pv_controller.go, v1.33: `syncClaim`, `syncVolume`).
///
/// A pending claim binds to the best matching Available volume (`VolumeMatching.findBestMatch`);
/// with none it waits for its first consumer (`WaitForFirstConsumer` classes, until the scheduler
/// writes `volume.kubernetes.io/selected-node`), asks its class's provisioner for one, or, with no
/// class, stays Pending with a `FailedBinding` event. A volume whose claim is gone is `Released`
/// and reclaimed as its policy says. Keys are claims and volumes; nothing is kept between syncs.
struct PersistentVolumeController: Controller {
    let name = "persistentvolume-binder"
    let watchedKinds: Set<String>? = ["PersistentVolumeClaim", "PersistentVolume", "StorageClass", "Pod"]
    let primaryKinds: Set<String>? = ["PersistentVolumeClaim", "PersistentVolume"]
    /// The event source upstream (`persistentvolume-controller`).
    static let component = "persistentvolume-controller"

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        if let claims = event.object.withPod({ pod -> [ObjectKey] in
            // A consumer the scheduler could not place turns the claim's event into WaitForPodScheduled
            // (upstream sees it on the next periodic resync).
            guard event.type != .deleted, pod.$spec.read(\.nodeName) == nil,
                  PodStatusWriter.condition("PodScheduled", of: pod)?.status == "False" else { return [] }
            return VolumeMatching.claimKeys(of: pod)
        }) { return claims }
        switch event.object {
        case .persistentVolumeClaim(let claim):
            guard event.type == .deleted else { return [event.key] }
            return store.list(kind: "PersistentVolume").compactMap(\.persistentVolume)
                .filter { VolumeMatching.isVolume($0, boundTo: claim) }.map(Self.key)
        case .persistentVolume(let volume):
            guard event.type != .deleted else { return [] }
            var keys = [event.key]
            if let reference = volume.spec?.claimRef, let name = reference.name {
                keys.append(ObjectKey(kind: "PersistentVolumeClaim", namespace: reference.namespace ?? "default", name: name))
            }
            // Stands in for the periodic resync: a volume that turned Available may suit a waiting claim.
            if volume.status?.phase == "Available" { keys += pendingClaims(in: store) }
            return keys
        case .storageClass:
            return event.type == .deleted ? [] : pendingClaims(in: store)
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        switch store.get(key) {
        case .persistentVolumeClaim(let claim)?:
            var sync = ClaimSync(store: store, claim: claim)
            sync.run()
        case .persistentVolume(let volume)?:
            VolumeSync(store: store, volume: volume).run()
        default:
            break
        }
        return .done
    }

    private func pendingClaims(in store: Store) -> [ObjectKey] {
        store.list(kind: "PersistentVolumeClaim").compactMap(\.persistentVolumeClaim)
            .filter { $0.metadata.annotations?[VolumeMatching.bindCompleted] == nil }
            .map(Self.key)
    }

    static func key(_ claim: PersistentVolumeClaim) -> ObjectKey {
        ObjectKey(kind: "PersistentVolumeClaim", namespace: claim.metadata.namespace ?? "default", name: claim.metadata.name ?? "")
    }

    static func key(_ volume: PersistentVolume) -> ObjectKey {
        ObjectKey(kind: "PersistentVolume", name: volume.metadata.name ?? "")
    }
}

extension KubeObject {
    var persistentVolume: PersistentVolume? {
        if case .persistentVolume(let volume) = self { return volume }
        return nil
    }

    var persistentVolumeClaim: PersistentVolumeClaim? {
        if case .persistentVolumeClaim(let claim) = self { return claim }
        return nil
    }
}
