import KubeModel

/// Checks that every PersistentVolumeClaim the pod uses exists and is bound, or can be bound on
/// the node (a matching PersistentVolume, or a StorageClass that provisions there).
///
/// Upstream: `pkg/scheduler/framework/plugins/volumebinding/volume_binding.go` and `binder.go`
/// (`GetPodVolumeClaims`, `FindPodVolumes`), v1.33.0, reduced to the basics: PreFilter rejects a
/// missing, lost or deleting claim and unbound claims whose class binds `Immediate`; Filter checks
/// bound claims' volumes' node affinity and finds a volume or provisioner for
/// `WaitForFirstConsumer` claims. A claim counts as bound when `spec.volumeName` is set and its
/// phase is `Bound` (upstream looks at the `pv.kubernetes.io/bind-completed` annotation, which
/// the simulator's binder may not write). Storage capacity tracking is not modelled.
public struct VolumeBinding: PreFilterPlugin, FilterPlugin, StatefulFilter {
    public static let name = "VolumeBinding"
    public var name: String { Self.name }

    /// Upstream `ErrReasonBindConflict`.
    public static let bindConflictReason = "node(s) didn't find available persistent volumes to bind"
    /// Upstream `ErrReasonNodeConflict`.
    public static let nodeConflictReason = "node(s) had volume node affinity conflict"
    /// Upstream `ErrReasonPVNotExist`.
    public static let pvNotExistReason = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)"
    /// Upstream PreFilter reason for unbound claims of an `Immediate` class.
    public static let unboundImmediateReason = "pod has unbound immediate PersistentVolumeClaims"

    public init() {}

    /// The pod's claims sorted by how they must be checked per node.
    final class State {
        var bound: [(claim: PersistentVolumeClaim, volume: PersistentVolume?)] = []
        var delayed: [(claim: PersistentVolumeClaim, storageClass: StorageClass?)] = []
        var volumes: [PersistentVolume] = []
    }

    func hasPreFilterState(_ state: CycleState) -> Bool { state.read(State.self) != nil }

    public func preFilter(_ pod: PodInfo, _ state: CycleState, _ snapshot: ClusterSnapshot) -> Status {
        var claims: [PersistentVolumeClaim] = []
        for volume in pod.pod.spec?.volumes ?? [] {
            let claimName: String
            let isEphemeral: Bool
            if let source = volume.persistentVolumeClaim {
                claimName = source.claimName
                isEphemeral = false
            } else if volume.ephemeral != nil {
                claimName = "\(pod.name)-\(volume.name)"
                isEphemeral = true
            } else {
                continue
            }
            guard let claim = snapshot.persistentVolumeClaim(namespace: pod.namespace, name: claimName) else {
                let message = isEphemeral
                    ? "waiting for ephemeral volume controller to create the persistentvolumeclaim \"\(claimName)\""
                    : "persistentvolumeclaim \"\(claimName)\" not found"
                return Status(.unschedulableAndUnresolvable, message)
            }
            if claim.status?.phase == "Lost" {
                return Status(.unschedulableAndUnresolvable,
                              "persistentvolumeclaim \"\(claimName)\" bound to non-existent persistentvolume \"\(claim.spec?.volumeName ?? "")\"")
            }
            if claim.metadata.deletionTimestamp != nil {
                return Status(.unschedulableAndUnresolvable, "persistentvolumeclaim \"\(claimName)\" is being deleted")
            }
            claims.append(claim)
        }
        if claims.isEmpty { return .skip }
        let data = State()
        var immediate = false
        for claim in claims {
            let volumeName = claim.spec?.volumeName ?? ""
            if !volumeName.isEmpty && claim.status?.phase == "Bound" {
                data.bound.append((claim, snapshot.persistentVolumes[volumeName]))
                continue
            }
            let storageClass = claim.spec?.storageClassName.flatMap { snapshot.storageClasses[$0] }
            if storageClass?.volumeBindingMode == "WaitForFirstConsumer" && volumeName.isEmpty {
                data.delayed.append((claim, storageClass))
            } else {
                immediate = true
            }
        }
        if immediate { return Status(.unschedulableAndUnresolvable, Self.unboundImmediateReason) }
        data.volumes = snapshot.persistentVolumes.values.sorted { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }
        state.write(data)
        return .success
    }

    public func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status {
        guard let data = state.read(State.self) else { return .success }
        var boundSatisfied = true, unboundSatisfied = true, boundVolumesFound = true
        for (_, volume) in data.bound {
            guard let volume else { boundVolumesFound = false; continue }
            if !Self.volumeAllows(volume, node.node) { boundSatisfied = false }
        }
        var chosen: Set<String> = []
        for (claim, storageClass) in data.delayed {
            if let volume = data.volumes.first(where: { !chosen.contains($0.metadata.name ?? "") && Self.volume($0, matches: claim, on: node.node) }) {
                chosen.insert(volume.metadata.name ?? "")
            } else if !Self.canProvision(storageClass, on: node.node) {
                unboundSatisfied = false
            }
        }
        var reasons: [String] = []
        if !boundSatisfied { reasons.append(Self.nodeConflictReason) }
        if !unboundSatisfied { reasons.append(Self.bindConflictReason) }
        if !boundVolumesFound { reasons.append(Self.pvNotExistReason) }
        return reasons.isEmpty ? .success : Status(.unschedulableAndUnresolvable, reasons)
    }

    /// A volume's `spec.nodeAffinity.required` admits the node (no affinity admits every node).
    static func volumeAllows(_ volume: PersistentVolume, _ node: Node) -> Bool {
        guard let terms = volume.spec?.nodeAffinity?.required?.nodeSelectorTerms else { return true }
        return NodeSelectorMatching.matchesAny(terms, node)
    }

    /// Upstream `FindMatchingVolume`, reduced: unclaimed (or pre-bound to this claim), same class,
    /// same volume mode, enough capacity, the access modes asked for, selector, node affinity.
    static func volume(_ volume: PersistentVolume, matches claim: PersistentVolumeClaim, on node: Node) -> Bool {
        guard let spec = volume.spec, let claimSpec = claim.spec else { return false }
        if let reference = spec.claimRef {
            guard reference.name == claim.metadata.name && reference.namespace == claim.metadata.namespace else { return false }
        }
        if (spec.storageClassName ?? "") != (claimSpec.storageClassName ?? "") { return false }
        if (spec.volumeMode ?? "Filesystem") != (claimSpec.volumeMode ?? "Filesystem") { return false }
        if let wanted = claimSpec.resources?.requests?["storage"] {
            guard let capacity = spec.capacity?["storage"], capacity >= wanted else { return false }
        }
        let modes = Set(spec.accessModes ?? [])
        if !(claimSpec.accessModes ?? []).allSatisfy(modes.contains) { return false }
        if claimSpec.selector != nil && !LabelMatcher(claimSpec.selector).matches(volume.metadata.labels) { return false }
        return volumeAllows(volume, node)
    }

    /// A class that provisions dynamically and whose `allowedTopologies` (if any) include the node.
    static func canProvision(_ storageClass: StorageClass?, on node: Node) -> Bool {
        guard let storageClass, storageClass.provisioner != "kubernetes.io/no-provisioner" else { return false }
        guard let topologies = storageClass.allowedTopologies, !topologies.isEmpty else { return true }
        let labels = node.metadata.labels ?? [:]
        return topologies.contains { term in
            (term.matchLabelExpressions ?? []).allSatisfy { requirement in
                labels[requirement.key].map(requirement.values.contains) ?? false
            }
        }
    }
}
