import KubeModel

/// Everything the scheduler reads about the cluster for one decision: nodes with their bound
/// pods, and the PVCs, PVs, StorageClasses, namespace labels and PriorityClasses plugins look up.
///
/// Upstream: the scheduler cache snapshot (`pkg/scheduler/backend/cache/snapshot.go`) plus the
/// informer listers plugins use, v1.33.0. Like the upstream cache it ignores pods that have not
/// been bound or have finished (`Succeeded`/`Failed`). Update it incrementally with `bind` and
/// `removePod` rather than rebuilding it for every pod.
public struct ClusterSnapshot: Sendable {
    public private(set) var nodes: [NodeInfo]
    private var nodeIndex: [String: Int]
    /// Claims by `namespace/name`.
    public var persistentVolumeClaims: [String: PersistentVolumeClaim]
    public var persistentVolumes: [String: PersistentVolume]
    public var storageClasses: [String: StorageClass]
    /// Labels of each namespace, for InterPodAffinity's `namespaceSelector`.
    public var namespaceLabels: [String: [String: String]]
    public var priorityClasses: [String: PriorityClass]
    /// For each image name, how many nodes have it (upstream `ImageStateSummary.NumNodes`).
    public private(set) var imageNodeCounts: [String: Int]
    /// How many bound pods have any pod affinity or anti-affinity; InterPodAffinity skips at 0.
    public private(set) var podsWithAffinityCount = 0
    /// How many bound pods have required anti-affinity.
    public private(set) var podsWithRequiredAntiAffinityCount = 0

    public init(nodes: [Node], pods: [Pod] = [], persistentVolumeClaims: [PersistentVolumeClaim] = [],
                persistentVolumes: [PersistentVolume] = [], storageClasses: [StorageClass] = [],
                namespaces: [Namespace] = [], priorityClasses: [PriorityClass] = []) {
        self.init(nodeInfos: nodes.map { NodeInfo(node: $0) }, pods: pods, persistentVolumeClaims: persistentVolumeClaims,
                  persistentVolumes: persistentVolumes, storageClasses: storageClasses, namespaces: namespaces, priorityClasses: priorityClasses)
    }

    /// The same from nodes already summarised, without pods (a cache of them kept between decisions).
    public init(nodeInfos: [NodeInfo], pods: [Pod], persistentVolumeClaims: [PersistentVolumeClaim],
                persistentVolumes: [PersistentVolume], storageClasses: [StorageClass],
                namespaces: [Namespace], priorityClasses: [PriorityClass]) {
        self.nodes = nodeInfos
        var index: [String: Int] = [:]
        for (position, node) in self.nodes.enumerated() { index[node.name] = position }
        nodeIndex = index
        var claims: [String: PersistentVolumeClaim] = [:]
        for claim in persistentVolumeClaims {
            claims["\(claim.metadata.namespace ?? "default")/\(claim.metadata.name ?? "")"] = claim
        }
        self.persistentVolumeClaims = claims
        self.persistentVolumes = Dictionary(persistentVolumes.map { ($0.metadata.name ?? "", $0) }, uniquingKeysWith: { $1 })
        self.storageClasses = Dictionary(storageClasses.map { ($0.metadata.name ?? "", $0) }, uniquingKeysWith: { $1 })
        namespaceLabels = Dictionary(namespaces.map { ($0.metadata.name ?? "", $0.metadata.labels ?? [:]) }, uniquingKeysWith: { $1 })
        self.priorityClasses = Dictionary(priorityClasses.map { ($0.metadata.name ?? "", $0) }, uniquingKeysWith: { $1 })
        imageNodeCounts = Self.imageNodeCounts(of: self.nodes)
        for pod in pods {
            guard let nodeName = Self.node(counting: pod) else { continue }
            bind(pod, to: nodeName)
        }
    }

    /// The node whose `NodeInfo` counts `pod`: bound, and not finished (`Succeeded`/`Failed`).
    static func node(counting pod: Pod) -> String? {
        guard let nodeName = pod.$spec.read(\.nodeName), !nodeName.isEmpty else { return nil }
        let phase = pod.status?.phase
        return phase == "Succeeded" || phase == "Failed" ? nil : nodeName
    }

    public func index(ofNode name: String) -> Int? { nodeIndex[name] }

    public func nodeInfo(named name: String) -> NodeInfo? {
        nodeIndex[name].map { nodes[$0] }
    }

    public func persistentVolumeClaim(namespace: String, name: String) -> PersistentVolumeClaim? {
        persistentVolumeClaims["\(namespace)/\(name)"]
    }

    public func labels(ofNamespace name: String) -> [String: String]? { namespaceLabels[name] }

    /// Records `pod` as running on `nodeName` (the scheduler assumes the bind succeeds). Returns
    /// false when there is no such node.
    @discardableResult
    public mutating func bind(_ pod: Pod, to nodeName: String) -> Bool {
        bind(PodInfo(pod, priorityClasses: priorityClasses), to: nodeName)
    }

    @discardableResult
    mutating func bind(_ pod: PodInfo, to nodeName: String) -> Bool {
        guard let position = nodeIndex[nodeName] else { return false }
        nodes[position].add(pod)
        if pod.hasPodAffinity { podsWithAffinityCount += 1 }
        if !pod.requiredAntiAffinityTerms.isEmpty { podsWithRequiredAntiAffinityCount += 1 }
        return true
    }

    /// Forgets a bound pod (deleted, finished or preempted); returns it, or nil if it was not bound.
    @discardableResult
    public mutating func removePod(namespace: String, name: String) -> Pod? {
        let key = "\(namespace)/\(name)"
        for position in nodes.indices {
            if let removed = nodes[position].remove(podKey: key) {
                if removed.hasPodAffinity { podsWithAffinityCount -= 1 }
                if !removed.requiredAntiAffinityTerms.isEmpty { podsWithRequiredAntiAffinityCount -= 1 }
                return removed.pod
            }
        }
        return nil
    }

    /// Accounts for a pod bound to the node at `position` where a fresh build would put it
    /// (upstream: the scheduler cache's `AddPod` from an informer event).
    mutating func insertPod(_ pod: PodInfo, at position: Int) {
        nodes[position].insertInKeyOrder(pod)
        if pod.hasPodAffinity { podsWithAffinityCount += 1 }
        if !pod.requiredAntiAffinityTerms.isEmpty { podsWithRequiredAntiAffinityCount += 1 }
    }

    /// Forgets a pod known to be on the node at `position`, without looking at every node.
    mutating func removePod(key: String, at position: Int) -> PodInfo? {
        guard let removed = nodes[position].remove(podKey: key) else { return nil }
        if removed.hasPodAffinity { podsWithAffinityCount -= 1 }
        if !removed.requiredAntiAffinityTerms.isEmpty { podsWithRequiredAntiAffinityCount -= 1 }
        return removed
    }

    /// A node object changed (labels, taints, allocatable, images) but kept its name: its pods stay.
    mutating func updateNode(at position: Int, with node: NodeInfo) {
        var updated = node
        for pod in nodes[position].podInfos { updated.add(pod) }
        nodes[position] = updated
        imageNodeCounts = Self.imageNodeCounts(of: nodes)
    }

    private static func imageNodeCounts(of nodes: [NodeInfo]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for node in nodes {
            for image in Set(node.imageSizes.keys) { counts[image, default: 0] += 1 }
        }
        return counts
    }

    /// Replaces a node in place (for preemption's what-if copies).
    mutating func replaceNode(at position: Int, with info: NodeInfo) {
        nodes[position] = info
    }
}
