import KubeModel

/// Checks that every PersistentVolumeClaim the pod uses exists and is bound, or can be bound on
/// the node (a matching PersistentVolume, or a StorageClass that provisions there).
///
/// Upstream: `pkg/scheduler/framework/plugins/volumebinding/volume_binding.go` and `binder.go`
/// (`GetPodVolumeClaims`, `FindPodVolumes`), v1.33.0, reduced to the basics: PreFilter rejects a
/// missing, lost or deleting claim and unbound claims whose class binds `Immediate`; Filter checks
/// bound claims' volumes' node affinity and finds a volume or provisioner for
/// `WaitForFirstConsumer` claims. A claim counts as bound when `spec.volumeName` is set and the PV
/// controller wrote `pv.kubernetes.io/bind-completed` (`isPVCFullyBound`; a `Bound` phase counts
/// too). PreBind (`preBind`, after `BindPodVolumes`) binds the chosen static volumes and writes
/// `volume.kubernetes.io/selected-node` on claims to provision. Storage capacity tracking is not
/// modelled.
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

    /// `EventsToRegister`: kinds whose changes may make a pod this plugin rejected schedulable.
    public static let eventsToRegister: Set<String> = ["PersistentVolumeClaim", "PersistentVolume", "StorageClass"]

    /// The queueing hints of those events, reduced: a new claim, volume or class, a claim that
    /// became bound, a volume that became Available. Other writes (annotations, status on the way
    /// to binding) cannot turn this plugin's rejection into a fit, so the queue is not woken.
    public static func mayMakePodsSchedulable(_ event: WatchEvent) -> Bool {
        guard event.type != .deleted else { return false }
        if event.type == .added { return true }
        switch event.object {
        case .persistentVolumeClaim(let claim): return isFullyBound(claim)
        case .persistentVolume(let volume): return volume.status?.phase == "Available"
        default: return false
        }
    }

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
            if Self.isFullyBound(claim) {
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
        if !data.delayed.isEmpty {
            // Only unclaimed volumes, or ones reserved for these claims, can be chosen.
            let claims = data.delayed.map(\.claim)
            data.volumes = snapshot.persistentVolumes.values
                .filter { volume in volume.spec?.claimRef == nil || claims.contains { VolumeMatching.isVolume(volume, boundTo: $0) } }
                .sorted { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }
        }
        state.write(data)
        return .success
    }

    public func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status {
        guard let data = state.read(State.self) else { return .success }
        var boundSatisfied = true, unboundSatisfied = true, boundVolumesFound = true
        for (_, volume) in data.bound {
            guard let volume else { boundVolumesFound = false; continue }
            if !VolumeMatching.volumeAllows(volume, node.node) { boundSatisfied = false }
        }
        let (_, toProvision, unmatched) = Self.findPodVolumes(data.delayed, volumes: data.volumes, on: node.node)
        if !unmatched.isEmpty || toProvision.contains(where: { !Self.canProvision($0.storageClass, on: node.node) }) {
            unboundSatisfied = false
        }
        var reasons: [String] = []
        if !boundSatisfied { reasons.append(Self.nodeConflictReason) }
        if !unboundSatisfied { reasons.append(Self.bindConflictReason) }
        if !boundVolumesFound { reasons.append(Self.pvNotExistReason) }
        return reasons.isEmpty ? .success : Status(.unschedulableAndUnresolvable, reasons)
    }

    /// `isPVCFullyBound`.
    static func isFullyBound(_ claim: PersistentVolumeClaim) -> Bool {
        guard !(claim.spec?.volumeName ?? "").isEmpty else { return false }
        return claim.metadata.annotations?[VolumeMatching.bindCompleted] != nil || claim.status?.phase == "Bound"
    }

    /// `FindPodVolumes` for the delayed claims on one node: a static volume for each claim that
    /// has one (`FindMatchingVolume`, the smallest, none used twice), the rest to provision, and the
    /// claims that cannot be had here because the scheduler already chose another node for them.
    static func findPodVolumes(_ claims: [(claim: PersistentVolumeClaim, storageClass: StorageClass?)], volumes: [PersistentVolume], on node: Node)
        -> (bindings: [(claim: PersistentVolumeClaim, volume: PersistentVolume)], toProvision: [(claim: PersistentVolumeClaim, storageClass: StorageClass?)], unmatched: [PersistentVolumeClaim]) {
        var bindings: [(claim: PersistentVolumeClaim, volume: PersistentVolume)] = []
        var toProvision: [(claim: PersistentVolumeClaim, storageClass: StorageClass?)] = []
        var unmatched: [PersistentVolumeClaim] = []
        var chosen: Set<String> = []
        for (claim, storageClass) in claims {
            if let selected = claim.metadata.annotations?[VolumeMatching.selectedNode] {
                if selected == node.metadata.name { toProvision.append((claim, storageClass)) } else { unmatched.append(claim) }
                continue
            }
            if let volume = VolumeMatching.findMatchingVolume(claim, in: volumes, node: node, excluded: chosen, delayBinding: true) {
                chosen.insert(volume.metadata.name ?? "")
                bindings.append((claim, volume))
            } else {
                toProvision.append((claim, storageClass))
            }
        }
        return (bindings, toProvision, unmatched)
    }

    /// PreBind (`AssumePodVolumes` + `BindPodVolumes`) once the pod is bound to `nodeName`: each
    /// chosen static volume gets the claim in `spec.claimRef` (marked bound by controller), each
    /// claim to provision gets `volume.kubernetes.io/selected-node`; the PV controller and the
    /// provisioner finish the binding.
    static func preBind(_ pod: Pod, nodeName: String, in store: Store) {
        let namespace = pod.metadata.namespace ?? "default"
        guard let node = store.get(.node(nodeName))?.node else { return }
        let delayed = (pod.spec?.volumes ?? []).compactMap(\.persistentVolumeClaim).compactMap { source -> (claim: PersistentVolumeClaim, storageClass: StorageClass?)? in
            guard case .persistentVolumeClaim(let claim)? = store.get(ObjectKey(kind: "PersistentVolumeClaim", namespace: namespace, name: source.claimName)),
                  (claim.spec?.volumeName ?? "").isEmpty, VolumeMatching.isDelayBinding(claim, in: store) else { return nil }
            return (claim, VolumeMatching.storageClass(named: VolumeMatching.className(of: claim), in: store))
        }
        guard !delayed.isEmpty else { return }
        let volumes = store.list(kind: "PersistentVolume").compactMap { object -> PersistentVolume? in
            if case .persistentVolume(let volume) = object { return volume } else { return nil }
        }
        let (bindings, toProvision, _) = findPodVolumes(delayed, volumes: volumes, on: node)
        for (claim, volume) in bindings {
            var volume = volume
            volume.spec?.claimRef = ClaimSync.reference(to: claim)
            volume.metadata.annotations = (volume.metadata.annotations ?? [:]).merging([VolumeMatching.boundByController: "yes"]) { old, _ in old }
            _ = try? store.update(.persistentVolume(volume))
        }
        for (claim, _) in toProvision where claim.metadata.annotations?[VolumeMatching.selectedNode] == nil {
            var claim = claim
            claim.metadata.annotations = (claim.metadata.annotations ?? [:]).merging([VolumeMatching.selectedNode: nodeName]) { old, _ in old }
            _ = try? store.update(.persistentVolumeClaim(claim))
        }
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
