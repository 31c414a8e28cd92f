import KubeModel

/// Every external provisioner a StorageClass names, running (the simulator has no CSI drivers):
/// it provisions claims the PV controller annotated with it and deletes the volumes it made once
/// they are Released with reclaim policy `Delete`. Modelled on
/// kubernetes-sigs/sig-storage-lib-external-provisioner (controller.go `provisionClaimOperation`)
/// and rancher/local-path-provisioner, kind's default: a `WaitForFirstConsumer` claim gets a
/// volume pinned to the node the scheduler chose (`volume.kubernetes.io/selected-node`).
struct SimulatedProvisioner: Controller {
    let name = "simulated-provisioner"
    let watchedKinds: Set<String>? = ["PersistentVolumeClaim", "PersistentVolume"]
    unowned let cluster: Cluster

    /// kind's provisioner; its volumes are host paths on the chosen node.
    static let localPath = "rancher.io/local-path"

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.object {
        case .persistentVolumeClaim(let claim) where event.type != .deleted:
            return Self.provisioner(askedBy: claim) != nil && (claim.spec?.volumeName ?? "").isEmpty ? [event.key] : []
        case .persistentVolume(let volume) where event.type != .deleted:
            return volume.status?.phase == "Released" ? [event.key] : []
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        switch store.get(key) {
        case .persistentVolumeClaim(let claim)?:
            provision(claim, in: store)
        case .persistentVolume(let volume)? where volume.status?.phase == "Released" && volume.metadata.deletionTimestamp == nil:
            if Self.provisions(volume, in: store) { store.delete(key) }
        default:
            break
        }
        return .done
    }

    /// The provisioner the claim waits for, when it is external (not `kubernetes.io/…`).
    static func provisioner(askedBy claim: PersistentVolumeClaim) -> String? {
        guard let name = claim.metadata.annotations?[VolumeMatching.storageProvisioner], !name.hasPrefix("kubernetes.io/") else { return nil }
        return name
    }

    /// A Delete-policy volume this simulated provisioner made, so it deletes it.
    static func provisions(_ volume: PersistentVolume, in store: Store) -> Bool {
        guard volume.spec?.persistentVolumeReclaimPolicy == "Delete", let name = volume.metadata.annotations?[VolumeMatching.provisionedBy] else { return false }
        return !name.hasPrefix("kubernetes.io/")
    }

    private func provision(_ claim: PersistentVolumeClaim, in store: Store) {
        guard let provisioner = Self.provisioner(askedBy: claim), let uid = claim.metadata.uid,
              let storageClass = VolumeMatching.storageClass(named: VolumeMatching.className(of: claim), in: store),
              storageClass.provisioner == provisioner else { return }
        let volumeName = "pvc-\(uid)"
        guard store.get(ObjectKey(kind: "PersistentVolume", name: volumeName)) == nil else { return }
        let node = claim.metadata.annotations?[VolumeMatching.selectedNode]
        // The library provisions a WaitForFirstConsumer claim only once the scheduler picked a node.
        if storageClass.volumeBindingMode == "WaitForFirstConsumer" && node == nil { return }
        let claimObject = KubeObject.persistentVolumeClaim(claim)
        let namespace = claim.metadata.namespace ?? "default", claimName = claim.metadata.name ?? ""
        store.record("Normal", "Provisioning", "External provisioner is provisioning volume for claim \"\(namespace)/\(claimName)\"",
                     on: claimObject, component: provisioner)
        let volume = Self.volume(named: volumeName, for: claim, storageClass: storageClass, node: node)
        do {
            try ControllerClient(cluster).create(.persistentVolume(volume))
            store.record("Normal", "ProvisioningSucceeded", "Successfully provisioned volume \(volumeName)", on: claimObject, component: provisioner)
        } catch {
            store.record("Warning", "ProvisioningFailed", "failed to provision volume with StorageClass \"\(storageClass.metadata.name ?? "")\": \((error as? APIError)?.message ?? "\(error)")",
                         on: claimObject, component: provisioner)
        }
    }

    /// The volume the library creates: the claim's size, modes and class, the class's reclaim
    /// policy and mount options, a claimRef to the claim, and for local-path a host path on the node.
    static func volume(named name: String, for claim: PersistentVolumeClaim, storageClass: StorageClass, node: String?) -> PersistentVolume {
        var volume = PersistentVolume()
        volume.metadata.name = name
        var annotations = [VolumeMatching.provisionedBy: storageClass.provisioner]
        var spec = PersistentVolumeSpec()
        spec.capacity = ["storage": VolumeMatching.requestedStorage(claim)]
        spec.accessModes = claim.spec?.accessModes
        spec.persistentVolumeReclaimPolicy = storageClass.reclaimPolicy ?? "Delete"
        spec.storageClassName = VolumeMatching.className(of: claim)
        spec.volumeMode = claim.spec?.volumeMode ?? "Filesystem"
        spec.mountOptions = storageClass.mountOptions
        spec.claimRef = ClaimSync.reference(to: claim)
        if storageClass.provisioner == localPath {
            var hostPath = HostPathVolumeSource()
            hostPath.path = "/var/local-path-provisioner/\(name)_\(claim.metadata.namespace ?? "default")_\(claim.metadata.name ?? "")"
            hostPath.type = "DirectoryOrCreate"
            spec.hostPath = hostPath
        } else {
            var csi = CSIPersistentVolumeSource()
            csi.driver = storageClass.provisioner
            csi.volumeHandle = name
            spec.csi = csi
        }
        if let node {
            if storageClass.provisioner == localPath { annotations["local.path.provisioner/selected-node"] = node }
            spec.nodeAffinity = VolumeMatching.affinity(toNode: node)
        }
        volume.metadata.annotations = annotations
        volume.spec = spec
        return volume
    }
}
