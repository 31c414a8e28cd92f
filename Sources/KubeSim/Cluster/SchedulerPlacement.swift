import KubeModel

/// Connects the cluster's scheduling step to the `Scheduler`: builds one `ClusterSnapshot` from
/// the store for the pending pods, places them one after another with a `BatchScheduler` (which
/// decides as `Scheduler.schedule` would) and maps each result to a binding or an unschedulable
/// outcome (message: the FitError text, as the `FailedScheduling` event carries it).
public struct SchedulerPlacement: PodPlacement {
    public var scheduler: Scheduler
    private let nodeInfos = NodeInfoCache()

    public init(scheduler: Scheduler = Scheduler()) { self.scheduler = scheduler }

    public func place(_ pod: Pod, in store: Store) -> PlacementOutcome {
        place([pod], in: store)[0]
    }

    public func place(_ pods: [Pod], in store: Store) -> [PlacementOutcome] {
        let batch = BatchScheduler(scheduler: scheduler, snapshot: Self.snapshot(of: store, nodeInfos: nodeInfos.summaries(of: store)))
        return pods.map { pod in
            switch batch.schedule(pod) {
            case .scheduled(let node, _):
                var assumed = pod
                assumed.spec?.nodeName = node
                batch.bind(assumed, to: node)
                return .bind(node: node)
            case .unschedulable(let fitError, let preemption):
                let victims = preemption.victims.map { ObjectKey.pod($0.metadata.name ?? "", namespace: $0.metadata.namespace ?? "default") }
                return .unschedulable(message: fitError.message, nominatedNode: preemption.nominatedNodeName, victims: victims)
            }
        }
    }

    /// The scheduler's view of the store: nodes with their bound pods, plus the lookups plugins use.
    public static func snapshot(of store: Store, excluding excluded: ObjectKey? = nil) -> ClusterSnapshot {
        snapshot(of: store, nodeInfos: store.nodes.map { NodeInfo(node: $0) }, excluding: excluded)
    }

    private static func snapshot(of store: Store, nodeInfos: [NodeInfo], excluding excluded: ObjectKey? = nil) -> ClusterSnapshot {
        func all<T>(_ kind: String, _ extract: (KubeObject) -> T?) -> [T] { store.list(kind: kind).compactMap(extract) }
        return ClusterSnapshot(
            nodeInfos: nodeInfos,
            pods: store.list(kind: "Pod").filter { object in
                // What the snapshot keeps: bound pods that have not finished.
                object.key != excluded && object.withPod { pod in
                    !(pod.spec?.nodeName ?? "").isEmpty && pod.status?.phase != "Succeeded" && pod.status?.phase != "Failed"
                } == true
            }.compactMap(\.pod),
            persistentVolumeClaims: all("PersistentVolumeClaim") { if case .persistentVolumeClaim(let claim) = $0 { return claim } else { return nil } },
            persistentVolumes: all("PersistentVolume") { if case .persistentVolume(let volume) = $0 { return volume } else { return nil } },
            storageClasses: all("StorageClass") { if case .storageClass(let storageClass) = $0 { return storageClass } else { return nil } },
            namespaces: all("Namespace") { if case .namespace(let namespace) = $0 { return namespace } else { return nil } },
            priorityClasses: all("PriorityClass") { if case .priorityClass(let priorityClass) = $0 { return priorityClass } else { return nil } })
    }
}

/// Each node's `NodeInfo` without pods, kept until the node changes (its uid or resourceVersion):
/// summarising allocatable and images is most of building a snapshot, and nodes rarely change.
final class NodeInfoCache {
    private var summaries: [ObjectKey: (version: String, info: NodeInfo)] = [:]

    func summaries(of store: Store) -> [NodeInfo] {
        let keys = store.keys(kind: "Node")
        if summaries.count > keys.count { summaries = summaries.filter { store.get($0.key) != nil } }
        return keys.compactMap { key in
            guard case .node(let node)? = store.get(key) else { return nil }
            let version = "\(node.metadata.uid ?? "")/\(node.metadata.resourceVersion ?? "")"
            if let cached = summaries[key], cached.version == version { return cached.info }
            let info = NodeInfo(node: node)
            summaries[key] = (version, info)
            return info
        }
    }
}
