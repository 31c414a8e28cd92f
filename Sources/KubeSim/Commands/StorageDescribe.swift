import KubeModel

/// `kubectl describe pvc|pv|storageclass` (k8s.io/kubectl/pkg/describe/describe.go, v1.33
/// `describePersistentVolumeClaim`, `PersistentVolumeDescriber`, `StorageClassDescriber`).
enum StorageDescribe {
    static func describe(_ object: KubeObject, in store: Store) -> String? {
        switch object {
        case .persistentVolumeClaim(let claim): return self.claim(claim, in: store)
        case .persistentVolume(let volume): return self.volume(volume, in: store)
        case .storageClass(let storageClass): return self.storageClass(storageClass, in: store)
        default: return nil
        }
    }

    /// `Terminating (lasts 10s)` while deleted, else the phase.
    private static func status(_ meta: ObjectMeta, phase: String?, now: VirtualTime) -> String {
        guard let deleted = meta.deletionTimestamp.flatMap(VirtualTime.init(rfc3339:)) else { return phase ?? "" }
        return "Terminating (lasts \(Age.human(now - deleted)))"
    }

    /// Go's `%v` of a string slice: `[kubernetes.io/pvc-protection]`.
    private static func finalizers(_ meta: ObjectMeta) -> String { "[" + (meta.finalizers ?? []).joined(separator: " ") + "]" }

    static func claim(_ claim: PersistentVolumeClaim, in store: Store) -> String {
        var out = PrefixLines()
        let meta = claim.metadata
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        out.write(0, "Namespace:\t\(meta.namespace ?? "default")\n")
        out.write(0, "StorageClass:\t\(VolumeMatching.className(of: claim))\n")
        out.write(0, "Status:\t\(status(meta, phase: claim.status?.phase, now: store.now))\n")
        out.write(0, "Volume:\t\(claim.spec?.volumeName ?? "")\n")
        PodTemplateText.labels("Labels", meta.labels, into: &out)
        PodTemplateText.annotations("Annotations", meta.annotations, into: &out)
        out.write(0, "Finalizers:\t\(finalizers(meta))\n")
        let isBound = !(claim.spec?.volumeName ?? "").isEmpty
        out.write(0, "Capacity:\t\(isBound ? (claim.status?.capacity?["storage"] ?? Quantity()).description : "")\n")
        out.write(0, "Access Modes:\t\(isBound ? VolumeMatching.accessModesText(claim.status?.accessModes) : "")\n")
        if let mode = claim.spec?.volumeMode { out.write(0, "VolumeMode:\t\(mode)\n") }
        // printPodsMultiline: every pod that mounts the claim, one a line.
        let users = VolumeMatching.pods(using: claim, in: store).compactMap(\.metadata.name)
        out.write(0, "Used By:\t\(users.first ?? "<none>")\n")
        for name in users.dropFirst() { out.write(0, "\t\(name)\n") }
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .persistentVolumeClaim(claim), in: store), now: store.now)
    }

    static func volume(_ volume: PersistentVolume, in store: Store) -> String {
        var out = PrefixLines()
        let meta = volume.metadata
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        PodTemplateText.labels("Labels", meta.labels, into: &out)
        PodTemplateText.annotations("Annotations", meta.annotations, into: &out)
        out.write(0, "Finalizers:\t\(finalizers(meta))\n")
        out.write(0, "StorageClass:\t\(VolumeMatching.className(of: volume))\n")
        out.write(0, "Status:\t\(status(meta, phase: volume.status?.phase, now: store.now))\n")
        out.write(0, "Claim:\t\(volume.spec?.claimRef.map { "\($0.namespace ?? "")/\($0.name ?? "")" } ?? "")\n")
        out.write(0, "Reclaim Policy:\t\(volume.spec?.persistentVolumeReclaimPolicy ?? "")\n")
        out.write(0, "Access Modes:\t\(VolumeMatching.accessModesText(volume.spec?.accessModes))\n")
        if let mode = volume.spec?.volumeMode { out.write(0, "VolumeMode:\t\(mode)\n") }
        out.write(0, "Capacity:\t\(VolumeMatching.capacity(volume).description)\n")
        out.write(0, "Node Affinity:\t")
        if let terms = volume.spec?.nodeAffinity?.required?.nodeSelectorTerms {
            out.text += "\n"
            out.write(1, "Required Terms:\t\n")
            for (index, term) in terms.enumerated() {
                // printNodeSelectorTermsMultilineWithIndent: `key op [values]`, the first on the title's line.
                let requirements = (term.matchExpressions ?? []).map { "\($0.key) \($0.operator.lowercased()) [\(($0.values ?? []).joined(separator: ", "))]" }
                out.write(2, "Term \(index):\t\(requirements.first ?? "<none>")\n")
                for requirement in requirements.dropFirst() { out.write(2, "\t\(requirement)\n") }
            }
        } else {
            out.text += "<none>\n"
        }
        out.write(0, "Message:\t\(volume.status?.message ?? "")\n")
        out.write(0, "Source:\n")
        source(volume.spec, into: &out)
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .persistentVolume(volume), in: store), now: store.now)
    }

    /// The `print…VolumeSource` of the sources the simulator makes or users write most.
    private static func source(_ spec: PersistentVolumeSpec?, into out: inout PrefixLines) {
        if let hostPath = spec?.hostPath {
            out.write(2, "Type:\tHostPath (bare host directory volume)\n")
            out.write(2, "Path:\t\(hostPath.path)\n")
            out.write(2, "HostPathType:\t\(hostPath.type ?? "")\n")
        } else if let local = spec?.local {
            out.write(2, "Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n")
            out.write(2, "Path:\t\(local.path)\n")
        } else if let nfs = spec?.nfs {
            out.write(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n")
            out.write(2, "Server:\t\(nfs.server)\n")
            out.write(2, "Path:\t\(nfs.path)\n")
            out.write(2, "ReadOnly:\t\(nfs.readOnly ?? false)\n")
        } else if let csi = spec?.csi {
            out.write(2, "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n")
            out.write(2, "Driver:\t\(csi.driver)\n")
            out.write(2, "FSType:\t\(csi.fsType ?? "")\n")
            out.write(2, "VolumeHandle:\t\(csi.volumeHandle)\n")
            out.write(2, "ReadOnly:\t\(csi.readOnly ?? false)\n")
        } else {
            out.write(2, "Type:\t<unknown>\n")
        }
    }

    static func storageClass(_ storageClass: StorageClass, in store: Store) -> String {
        var out = PrefixLines()
        // labels.FormatLabels: `k=v,k2=v2` sorted, `<none>` when empty.
        func format(_ values: [String: String]?) -> String {
            let pairs = (values ?? [:]).filter { $0.key != "kubectl.kubernetes.io/last-applied-configuration" }.sorted { $0.key < $1.key }
            return pairs.isEmpty ? "<none>" : pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        }
        let meta = storageClass.metadata
        out.write(0, "Name:\t\(meta.name ?? "")\n")
        out.write(0, "IsDefaultClass:\t\(meta.annotations?[VolumeMatching.isDefaultClass] == "true" ? "Yes" : "No")\n")
        out.write(0, "Annotations:\t\(format(meta.annotations))\n")
        out.write(0, "Provisioner:\t\(storageClass.provisioner)\n")
        out.write(0, "Parameters:\t\(format(storageClass.parameters))\n")
        out.write(0, "AllowVolumeExpansion:\t\(storageClass.allowVolumeExpansion.map { $0 ? "True" : "False" } ?? "<unset>")\n")
        out.write(0, "MountOptions:\t\((storageClass.mountOptions ?? []).isEmpty ? "<none>" : "")\n")
        for option in storageClass.mountOptions ?? [] { out.write(0, "  \(option)\n") }
        if let policy = storageClass.reclaimPolicy { out.write(0, "ReclaimPolicy:\t\(policy)\n") }
        if let mode = storageClass.volumeBindingMode { out.write(0, "VolumeBindingMode:\t\(mode)\n") }
        return WorkloadDescribe.finish(out, events: WorkloadDescribe.events(of: .storageClass(storageClass), in: store), now: store.now)
    }
}
