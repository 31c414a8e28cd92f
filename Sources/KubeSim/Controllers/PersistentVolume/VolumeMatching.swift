import KubeModel

/// The claim/volume rules the PV controller and the scheduler's VolumeBinding plugin share
/// (staging/src/k8s.io/component-helpers/storage/volume/pv_helpers.go and
/// pkg/controller/volume/persistentvolume/index.go, v1.33).
enum VolumeMatching {
    /// `AnnBindCompleted`: the claim has been bound once; set by the PV controller.
    static let bindCompleted = "pv.kubernetes.io/bind-completed"
    /// `AnnBoundByController`: the binding was made by the controller, not asked for by the user.
    static let boundByController = "pv.kubernetes.io/bound-by-controller"
    /// `AnnDynamicallyProvisioned`: the provisioner that created the volume.
    static let provisionedBy = "pv.kubernetes.io/provisioned-by"
    /// `AnnSelectedNode`: the node the scheduler chose for a `WaitForFirstConsumer` claim.
    static let selectedNode = "volume.kubernetes.io/selected-node"
    /// `AnnStorageProvisioner` and its beta twin: which provisioner is asked to provision the claim.
    static let storageProvisioner = "volume.kubernetes.io/storage-provisioner"
    static let betaStorageProvisioner = "volume.beta.kubernetes.io/storage-provisioner"
    /// `storageclass.kubernetes.io/is-default-class`.
    static let isDefaultClass = "storageclass.kubernetes.io/is-default-class"

    /// `GetPersistentVolumeClaimClass`: the beta annotation wins over the field; "" is no class.
    static func className(of claim: PersistentVolumeClaim) -> String {
        claim.metadata.annotations?["volume.beta.kubernetes.io/storage-class"] ?? claim.spec?.storageClassName ?? ""
    }

    /// `GetPersistentVolumeClass`.
    static func className(of volume: PersistentVolume) -> String {
        volume.metadata.annotations?["volume.beta.kubernetes.io/storage-class"] ?? volume.spec?.storageClassName ?? ""
    }

    /// `IsVolumeBoundToClaim`: the volume's claimRef names this claim (and its uid, once set).
    static func isVolume(_ volume: PersistentVolume, boundTo claim: PersistentVolumeClaim) -> Bool {
        guard let reference = volume.spec?.claimRef else { return false }
        guard reference.name == claim.metadata.name, reference.namespace == claim.metadata.namespace else { return false }
        return (reference.uid ?? "").isEmpty || reference.uid == claim.metadata.uid
    }

    /// `CheckVolumeModeMismatches`: unset means `Filesystem` on both sides.
    static func volumeModesDiffer(_ claim: PersistentVolumeClaim, _ volume: PersistentVolume) -> Bool {
        (claim.spec?.volumeMode ?? "Filesystem") != (volume.spec?.volumeMode ?? "Filesystem")
    }

    /// `CheckAccessModes`: the volume offers every mode the claim asks for.
    static func accessModesFit(_ claim: PersistentVolumeClaim, _ volume: PersistentVolume) -> Bool {
        let offered = Set(volume.spec?.accessModes ?? [])
        return (claim.spec?.accessModes ?? []).allSatisfy(offered.contains)
    }

    static func requestedStorage(_ claim: PersistentVolumeClaim) -> Quantity {
        claim.spec?.resources?.requests?["storage"] ?? Quantity()
    }

    static func capacity(_ volume: PersistentVolume) -> Quantity {
        volume.spec?.capacity?["storage"] ?? Quantity()
    }

    /// A volume's `spec.nodeAffinity.required` admits the node (no affinity admits every node).
    static func volumeAllows(_ volume: PersistentVolume, _ node: Node) -> Bool {
        guard let terms = volume.spec?.nodeAffinity?.required?.nodeSelectorTerms else { return true }
        return NodeSelectorMatching.matchesAny(terms, node)
    }

    /// `FindMatchingVolume`: the volume pre-bound to the claim if there is one, else the smallest
    /// Available volume with enough capacity, the same volume mode and class, a label match for the
    /// claim's selector and (on the scheduler's path, `node` set) node affinity and access modes.
    /// With `delayBinding` and no node the PV controller leaves unbound volumes to the scheduler.
    static func findMatchingVolume(_ claim: PersistentVolumeClaim, in volumes: [PersistentVolume], node: Node?,
                                   excluded: Set<String> = [], delayBinding: Bool) -> PersistentVolume? {
        let requested = requestedStorage(claim), requestedClass = className(of: claim)
        var smallest: PersistentVolume?
        for volume in volumes where !excluded.contains(volume.metadata.name ?? "") {
            if volume.spec?.claimRef != nil && !isVolume(volume, boundTo: claim) { continue }
            let size = capacity(volume)
            if size < requested || volumeModesDiffer(claim, volume) || volume.metadata.deletionTimestamp != nil { continue }
            let nodeAffinityValid = node.map { volumeAllows(volume, $0) } ?? true
            if isVolume(volume, boundTo: claim) { return nodeAffinityValid ? volume : nil }
            if node == nil && delayBinding { continue }
            guard volume.status?.phase == "Available" else { continue }
            if let selector = claim.spec?.selector, !selector.matches(volume.metadata.labels ?? [:]) { continue }
            if className(of: volume) != requestedClass || !nodeAffinityValid { continue }
            if node != nil && !accessModesFit(claim, volume) { continue }
            if smallest.map({ capacity($0) > size }) ?? true { smallest = volume }
        }
        return smallest
    }

    /// `persistentVolumeOrderedIndex.findByClaim`: volumes grouped by their access modes, the
    /// groups that offer every mode the claim asks for tried from the fewest modes up, the first
    /// match winning (so a ReadWriteOnce claim takes an RWO volume before an RWO+RWX one).
    static func findBestMatch(for claim: PersistentVolumeClaim, in volumes: [PersistentVolume], delayBinding: Bool) -> PersistentVolume? {
        let wanted = Set(claim.spec?.accessModes ?? [])
        // Volumes bound to other claims can never match; leaving them out first keeps a sync cheap.
        let candidates = volumes.filter { $0.spec?.claimRef == nil || isVolume($0, boundTo: claim) }
        let groups = Dictionary(grouping: candidates) { Set($0.spec?.accessModes ?? []) }
        let modeSets = groups.keys.filter { wanted.isSubset(of: $0) }
            .sorted { ($0.count, $0.sorted().joined(separator: ",")) < ($1.count, $1.sorted().joined(separator: ",")) }
        for modes in modeSets {
            let group = (groups[modes] ?? []).sorted { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }
            if let volume = findMatchingVolume(claim, in: group, node: nil, delayBinding: delayBinding) { return volume }
        }
        return nil
    }

    /// `GetAccessModesAsString`: RWO, ROX, RWX, RWOP in that order, comma-separated.
    static func accessModesText(_ modes: [String]?) -> String {
        let modes = Set(modes ?? [])
        return [("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP")]
            .filter { modes.contains($0.0) }.map(\.1).joined(separator: ",")
    }

    /// `IsDelayBindingMode`: the claim's class binds `WaitForFirstConsumer`.
    static func isDelayBinding(_ claim: PersistentVolumeClaim, in store: Store) -> Bool {
        storageClass(named: className(of: claim), in: store)?.volumeBindingMode == "WaitForFirstConsumer"
    }

    static func storageClass(named name: String, in store: Store) -> StorageClass? {
        guard !name.isEmpty, case .storageClass(let storageClass)? = store.get(ObjectKey(kind: "StorageClass", name: name)) else { return nil }
        return storageClass
    }

    /// `required` node affinity to one node by `kubernetes.io/hostname`, as local volumes carry it.
    static func affinity(toNode node: String) -> VolumeNodeAffinity {
        var requirement = NodeSelectorRequirement()
        requirement.key = "kubernetes.io/hostname"
        requirement.operator = "In"
        requirement.values = [node]
        var term = NodeSelectorTerm()
        term.matchExpressions = [requirement]
        var selector = NodeSelector()
        selector.nodeSelectorTerms = [term]
        var affinity = VolumeNodeAffinity()
        affinity.required = selector
        return affinity
    }

    /// The keys of the claims a pod mounts.
    static func claimKeys(of pod: Pod) -> [ObjectKey] {
        let namespace = pod.metadata.namespace ?? "default"
        return (pod.spec?.volumes ?? []).compactMap(\.persistentVolumeClaim).map {
            ObjectKey(kind: "PersistentVolumeClaim", namespace: namespace, name: $0.claimName)
        }
    }

    /// The pods that mount the claim, directly or as a generic ephemeral volume.
    static func pods(using claim: PersistentVolumeClaim, in store: Store) -> [Pod] {
        let namespace = claim.metadata.namespace ?? "default", name = claim.metadata.name ?? ""
        return store.list(kind: "Pod", namespace: namespace).compactMap(\.pod).filter { pod in
            (pod.spec?.volumes ?? []).contains { volume in
                volume.persistentVolumeClaim?.claimName == name || (volume.ephemeral != nil && "\(pod.metadata.name ?? "")-\(volume.name)" == name)
            }
        }
    }
}
