import KubeModel

/// The RollingUpdate strategy (pkg/controller/daemon/update.go `rollingUpdate`, v1.33). Without
/// surge, old pods are deleted while fewer than `maxUnavailable` nodes lack an available pod,
/// and `manage` creates their replacements; with `maxSurge`, a new pod is started next to the old
/// one on up to `maxSurge` nodes and the old pod goes once the new one is available.
extension DaemonSetSync {
    /// `findUpdatedPodsOnNode`: the node's one new and one old pod (ignoring pods being
    /// deleted); nil when there are several of either, which `manage` prunes first.
    func updatedPods(on node: String) -> (new: Pod?, old: Pod?)? {
        var new: Pod?, old: Pod?
        for pod in nodeToPods[node] ?? [] where pod.metadata.deletionTimestamp == nil {
            if DaemonPods.isUpdated(pod, hash: hash, generation: generation) {
                if new != nil { return nil }
                new = pod
            } else {
                if old != nil { return nil }
                old = pod
            }
        }
        return (new, old)
    }

    func isAvailable(_ pod: Pod) -> Bool { PodConditions.isAvailable(pod, minReadySeconds: minReadySeconds, at: now) }

    /// `updatedDesiredNodeCounts`: maxSurge, maxUnavailable and the desired count; every node
    /// that should run a pod gets an entry (empty when it has none).
    mutating func desiredNodeCounts() -> (maxSurge: Int, maxUnavailable: Int, desired: Int) {
        var desired = 0
        for node in nodes where DaemonPods.nodeShouldRun(node, ds).shouldRun {
            desired += 1
            let name = node.metadata.name ?? ""
            if nodeToPods[name] == nil { nodeToPods[name] = [] }
        }
        var maxUnavailable = unavailableCount(desired)
        let maxSurge = surgeCount(desired)
        // An impossible configuration (both 0) falls back to accepting one unavailable node.
        if desired > 0 && maxUnavailable == 0 && maxSurge == 0 { maxUnavailable = 1 }
        return (maxSurge, maxUnavailable, desired)
    }

    mutating func rollingUpdate() {
        let (maxSurge, maxUnavailable, desired) = desiredNodeCounts()
        let nodeNames = nodeToPods.keys.sorted()
        if maxSurge == 0 {
            var unavailable = 0
            var replacements: [ObjectKey] = [], candidates: [ObjectKey] = []
            for name in nodeNames {
                guard let (new, old) = updatedPods(on: name) else {
                    unavailable += 1  // excess pods: the manage loop cleans up first
                    continue
                }
                switch (new, old) {
                case (nil, nil), (.some, .some):
                    unavailable += 1  // manage creates or deletes here; count it unavailable
                case (.some(let new), nil):
                    if !isAvailable(new) { unavailable += 1 }
                case (nil, .some(let old)):
                    if !isAvailable(old) {
                        replacements.append(Self.key(old))  // already down: replace at once
                        unavailable += 1
                    } else if unavailable < maxUnavailable {
                        candidates.append(Self.key(old))
                    }
                }
            }
            let remaining = min(max(0, maxUnavailable - unavailable), candidates.count)
            syncNodes(delete: replacements + candidates.prefix(remaining), create: [])
            return
        }
        surgingUpdate(nodeNames, maxSurge: maxSurge, desired: desired)
    }

    private mutating func surgingUpdate(_ nodeNames: [String], maxSurge: Int, desired: Int) {
        let nodesByName = Dictionary(nodes.map { ($0.metadata.name ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        var oldPodsToDelete: [ObjectKey] = [], shouldNotRunPodsToDelete: [ObjectKey] = []
        var candidateNewNodes: [String] = [], allowedNewNodes: [String] = []
        var surging = 0, available = 0
        for name in nodeNames {
            guard let (new, old) = updatedPods(on: name) else {
                surging += 1
                continue
            }
            if let old { if isAvailable(old) { available += 1 } } else if let new, isAvailable(new) { available += 1 }
            guard let old else { continue }  // manage handles nodes without an old pod
            guard let new else {
                guard let node = nodesByName[name] else { continue }
                let shouldRun = DaemonPods.nodeShouldRun(node, ds).shouldRun
                if !isAvailable(old) {
                    if shouldRun { allowedNewNodes.append(name) } else { oldPodsToDelete.append(Self.key(old)) }
                } else if !shouldRun {
                    shouldNotRunPodsToDelete.append(Self.key(old))
                } else if surging < maxSurge {
                    candidateNewNodes.append(name)
                }
                continue
            }
            if !isAvailable(new) {
                surging += 1  // waiting for the new pod
            } else {
                oldPodsToDelete.append(Self.key(old))
            }
        }
        // Pods on nodes that no longer qualify go only as others become available.
        let deletable = min(max(0, available - desired), shouldNotRunPodsToDelete.count)
        oldPodsToDelete += shouldNotRunPodsToDelete.prefix(deletable)
        let remainingSurge = min(max(0, maxSurge - surging), candidateNewNodes.count)
        syncNodes(delete: oldPodsToDelete, create: allowedNewNodes + candidateNewNodes.prefix(remainingSurge))
    }
}
