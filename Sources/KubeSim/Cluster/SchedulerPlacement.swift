import KubeModel

/// Connects the cluster's scheduling step to the `Scheduler`: builds one `ClusterSnapshot` from
/// the store for the pending pods, places them one after another with a `BatchScheduler` (which
/// decides as `Scheduler.schedule` would) and maps each result to a binding or an unschedulable
/// outcome (message: the FitError text, as the `FailedScheduling` event carries it).
public struct SchedulerPlacement: PodPlacement {
    public var scheduler: Scheduler

    public init(scheduler: Scheduler = Scheduler()) { self.scheduler = scheduler }

    public func place(_ pod: Pod, in store: Store) -> PlacementOutcome {
        place([pod], in: store)[0]
    }

    public func place(_ pods: [Pod], in store: Store) -> [PlacementOutcome] {
        let batch = BatchScheduler(scheduler: scheduler, snapshot: Self.snapshot(of: store))
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
        func all<T>(_ kind: String, _ extract: (KubeObject) -> T?) -> [T] { store.list(kind: kind).compactMap(extract) }
        return ClusterSnapshot(
            nodes: store.nodes,
            pods: store.pods.filter { ObjectKey.pod($0.metadata.name ?? "", namespace: $0.metadata.namespace ?? "default") != excluded },
            persistentVolumeClaims: all("PersistentVolumeClaim") { if case .persistentVolumeClaim(let claim) = $0 { return claim } else { return nil } },
            persistentVolumes: all("PersistentVolume") { if case .persistentVolume(let volume) = $0 { return volume } else { return nil } },
            storageClasses: all("StorageClass") { if case .storageClass(let storageClass) = $0 { return storageClass } else { return nil } },
            namespaces: all("Namespace") { if case .namespace(let namespace) = $0 { return namespace } else { return nil } },
            priorityClasses: all("PriorityClass") { if case .priorityClass(let priorityClass) = $0 { return priorityClass } else { return nil } })
    }
}
