import KubeModel

/// One DaemonSet sync's view and its `manage` step (pkg/controller/daemon/daemon_controller.go
/// `manage`, `podsShouldBeOnNode`, `syncNodes`, v1.33): a pod for each node that should run one,
/// none where it should not, failed and succeeded pods replaced, extra pods on a node removed.
/// Nodes are walked in name order where upstream walks a map, so runs are reproducible.
struct DaemonSetSync {
    /// `BurstReplicas`: at most this many creations and deletions per sync.
    static let burstReplicas = 250

    let ds: DaemonSet
    let hash: String
    let nodes: [Node]
    let podControl: PodControl
    let now: VirtualTime
    /// The daemon's pods by the node they run on or are meant for (`getNodesToDaemonPods`).
    var nodeToPods: [String: [Pod]]
    /// Pods were created or deleted: like upstream's unsatisfied expectations, the rolling
    /// update waits for the next sync, which those changes trigger.
    var madeChanges = false

    var dsObject: KubeObject { .daemonSet(ds) }
    var generation: Int64? { DaemonPods.templateGeneration(ds) }
    var minReadySeconds: Int64 { Int64(ds.spec?.minReadySeconds ?? 0) }
    var allowsSurge: Bool { surgeCount(1) > 0 }

    init(ds: DaemonSet, pods: [Pod], nodes: [Node], podControl: PodControl, now: VirtualTime) {
        self.ds = ds
        self.hash = TemplateHash.podTemplate(ds.spec?.template ?? PodTemplateSpec(), collisionCount: ds.status?.collisionCount)
        self.nodes = nodes
        self.podControl = podControl
        self.now = now
        var grouped: [String: [Pod]] = [:]
        for pod in pods {
            let phase = pod.status?.phase
            // Finished and being removed: nothing left to do with it.
            if (phase == "Succeeded" || phase == "Failed") && pod.metadata.deletionTimestamp != nil { continue }
            guard let node = DaemonPods.targetNodeName(pod) else { continue }
            grouped[node, default: []].append(pod)
        }
        nodeToPods = grouped
    }

    static func key(_ pod: Pod) -> ObjectKey { .pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default") }

    /// `manage`.
    mutating func manage() {
        var nodesNeedingPods: [String] = [], podsToDelete: [ObjectKey] = []
        for node in nodes {
            let (needing, deleting) = podsShouldBeOnNode(node)
            nodesNeedingPods += needing
            podsToDelete += deleting
        }
        // `getUnscheduledPodsWithoutNode`: pods never bound to a node that is gone (Pod GC only
        // collects bound ones).
        let nodeNames = Set(nodes.compactMap(\.metadata.name))
        for name in nodeToPods.keys.sorted() where !nodeNames.contains(name) {
            podsToDelete += (nodeToPods[name] ?? []).filter { ($0.spec?.nodeName ?? "").isEmpty }.map(Self.key)
        }
        syncNodes(delete: podsToDelete, create: nodesNeedingPods)
    }

    /// `podsShouldBeOnNode`: the node to give a pod to, and the pods to delete on it.
    func podsShouldBeOnNode(_ node: Node) -> (needing: [String], deleting: [ObjectKey]) {
        let name = node.metadata.name ?? ""
        let (shouldRun, shouldContinueRunning) = DaemonPods.nodeShouldRun(node, ds)
        let pods = nodeToPods[name]
        var needing: [String] = [], deleting: [ObjectKey] = []
        if shouldRun && pods == nil { return ([name], []) }
        if shouldContinueRunning {
            var running: [Pod] = []
            for pod in pods ?? [] where pod.metadata.deletionTimestamp == nil {
                let podName = "\(pod.metadata.namespace ?? "default")/\(pod.metadata.name ?? "")"
                switch pod.status?.phase {
                case "Failed":
                    // Upstream also rate-limits this per node with a back-off kept in memory.
                    podControl.client.event("Warning", "FailedDaemonPod", "Found failed daemon pod \(podName) on node \(name), will try to kill it",
                                            on: dsObject, component: DaemonSetController.component)
                    deleting.append(Self.key(pod))
                case "Succeeded":
                    podControl.client.event("Normal", "SucceededDaemonPod", "Found succeeded daemon pod \(podName) on node \(name), will try to delete it",
                                            on: dsObject, component: DaemonSetController.component)
                    deleting.append(Self.key(pod))
                default:
                    running.append(pod)
                }
            }
            running.sort(by: DaemonPods.oldestFirst)
            if !allowsSurge {
                // More than one pod on the node: keep the oldest.
                deleting += running.dropFirst().map(Self.key)
                return (needing, deleting)
            }
            if running.count <= 1 {
                if running.isEmpty && shouldRun { needing.append(name) }
                return (needing, deleting)
            }
            // Surging: an old and a new pod may share the node while the new one becomes available.
            var oldestNew: Pod?, oldestOld: Pod?
            for pod in running {
                if pod.metadata.labels?[DaemonPods.hashLabel] == hash {
                    if oldestNew == nil { oldestNew = pod; continue }
                } else if oldestOld == nil {
                    oldestOld = pod
                    continue
                }
                deleting.append(Self.key(pod))
            }
            if let oldestNew, let oldestOld {
                if !PodConditions.isReady(oldestOld) || PodConditions.isAvailable(oldestNew, minReadySeconds: minReadySeconds, at: now) {
                    deleting.append(Self.key(oldestOld))
                }
            }
            return (needing, deleting)
        }
        if !shouldContinueRunning, let pods {
            deleting += pods.filter { $0.metadata.deletionTimestamp == nil }.map(Self.key)
        }
        return (needing, deleting)
    }

    /// `syncNodes`: creations in slow-start batches (1, 2, 4…; a batch with a failure ends
    /// them), then deletions, each capped at `burstReplicas`.
    mutating func syncNodes(delete podsToDelete: [ObjectKey], create nodesNeedingPods: [String]) {
        let createCount = min(nodesNeedingPods.count, Self.burstReplicas)
        let template = DaemonPods.podTemplate(ds, hash: hash)
        var position = 0, batch = min(createCount, 1)
        while batch > 0 {
            var failed = false
            for node in nodesNeedingPods[position..<position + batch] {
                var podTemplate = template
                let affinity = DaemonPods.replacingNodeAffinity(template.spec?.affinity, node: node)
                podTemplate.spec?.affinity = affinity
                let pod = PodTemplate.pod(from: podTemplate, owner: dsObject)
                if podControl.create(pod, owner: dsObject) == nil { failed = true }
                madeChanges = true
            }
            position += batch
            if failed { break }
            batch = min(2 * batch, createCount - position)
        }
        for key in podsToDelete.prefix(Self.burstReplicas) {
            podControl.delete(key, owner: dsObject)
            madeChanges = true
        }
    }

    /// `util.SurgeCount`: `maxSurge` of `total`, rounded up; 0 unless RollingUpdate.
    func surgeCount(_ total: Int) -> Int {
        guard ds.spec?.updateStrategy?.type == "RollingUpdate" else { return 0 }
        return ds.spec?.updateStrategy?.rollingUpdate?.maxSurge?.scaledValue(total: total, roundUp: true) ?? 0
    }

    /// `util.UnavailableCount`: `maxUnavailable` of `total`, rounded up; 0 unless RollingUpdate.
    func unavailableCount(_ total: Int) -> Int {
        guard ds.spec?.updateStrategy?.type == "RollingUpdate" else { return 0 }
        return ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable?.scaledValue(total: total, roundUp: true) ?? 0
    }
}
