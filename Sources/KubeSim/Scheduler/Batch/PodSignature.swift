import KubeModel

/// Everything about a pod that the node-local plugins and PodTopologySpread's scoring read: two
/// pods with equal signatures get the same filter verdict and the same raw scores on every node,
/// so `BatchScheduler` computes them once per signature (upstream had a similar "equivalence
/// class" cache, `pkg/scheduler/core/equivalence_cache.go`, removed in v1.13 for its
/// invalidation cost; here the snapshot changes only through `BatchScheduler`, which knows
/// exactly which node changed).
///
/// Pods with pod (anti-)affinity or with volumes have no signature: InterPodAffinity and
/// VolumeBinding look beyond one node, and such pods take the exhaustive path.
struct PodSignature: Hashable {
    let namespace: String
    /// Only with spread constraints, whose `matchLabelKeys` and self-match read the labels.
    let labels: [String: String]
    let requests: ResourceVector
    let nonZeroRequests: ResourceVector
    let hostPorts: [HostPort]
    let tolerations: [Toleration]
    let nodeSelector: [String: String]?
    let nodeAffinity: KubeModel.NodeAffinity?
    let nodeName: String?
    let spreadConstraints: [TopologySpreadConstraint]?
    /// Init containers' then containers' images, as ImageLocality reads them.
    let images: [String?]

    init?(_ pod: PodInfo) {
        // Field by field: the spec copied out whole was most of the signature's cost.
        let spec = pod.pod.$spec
        let affinity = spec.read(\.affinity)
        if affinity?.podAffinity != nil || affinity?.podAntiAffinity != nil { return nil }
        if (spec.read(\.volumes) ?? []).contains(where: { $0.persistentVolumeClaim != nil || $0.ephemeral != nil }) { return nil }
        namespace = pod.namespace
        spreadConstraints = spec.read(\.topologySpreadConstraints)
        labels = (spreadConstraints ?? []).isEmpty ? [:] : pod.labels
        requests = pod.requests
        nonZeroRequests = pod.nonZeroRequests
        hostPorts = pod.hostPorts
        tolerations = pod.tolerations
        nodeSelector = spec.read(\.nodeSelector)
        nodeAffinity = affinity?.nodeAffinity
        nodeName = spec.read(\.nodeName)
        images = (spec.read(\.initContainers) ?? []).map(\.image) + (spec.read(\.containers) ?? []).map(\.image)
    }

    /// Hashes the cheap, most distinguishing fields; `==` compares all of them.
    func hash(into hasher: inout Hasher) {
        hasher.combine(namespace)
        hasher.combine(labels)
        hasher.combine(requests.milliCPU)
        hasher.combine(requests.memory)
        hasher.combine(nonZeroRequests.milliCPU)
        hasher.combine(nonZeroRequests.memory)
        hasher.combine(hostPorts)
        hasher.combine(tolerations.count)
        hasher.combine(nodeSelector)
        hasher.combine(nodeName)
        hasher.combine(spreadConstraints?.count)
        hasher.combine(images)
    }
}
