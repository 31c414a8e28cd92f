import KubeModel

/// What metrics-server reports for a pod (`kubectl top pods`, and the HPA's resource metrics):
/// the behaviour model's use of each running container, replaced by the pod's share of its
/// workload's simulated load (`WorkloadLoad`) for the resources a load is set for.
public enum MetricsServer {
    /// metrics-server's sampling window (its default `--metric-resolution`, 15s): the HPA ignores
    /// a CPU sample taken less than one window after the pod turned ready.
    public static let window = VirtualDuration.seconds(15)

    /// Use of a pod; pods that are not running report nothing, as metrics-server lists only
    /// pods with running containers.
    public static func usage(of pod: Pod, in store: Store) -> (cpuMilli: Int64, memoryBytes: Int64) {
        usages(of: [pod], in: store)[pod.metadata.name ?? ""] ?? (0, 0)
    }

    /// Use of pods of one namespace by name; each loaded workload's sharers are found once.
    public static func usages(of pods: [Pod], in store: Store) -> [String: (cpuMilli: Int64, memoryBytes: Int64)] {
        var sharersByWorkload: [String: [String: Int]] = [:]  // workload uid → sharer → its index
        var result: [String: (cpuMilli: Int64, memoryBytes: Int64)] = [:]
        for pod in pods {
            let name = pod.metadata.name ?? ""
            var usage = baseline(of: pod, in: store)
            if isSharingLoad(pod), let (owner, load) = loadedWorkload(of: .pod(pod), in: store) {
                let uid = owner.meta.uid ?? ""
                let sharers = sharersByWorkload[uid] ?? Dictionary(uniqueKeysWithValues: Set(self.pods(of: owner, in: store).filter(isSharingLoad)
                    .compactMap(\.metadata.name)).sorted().enumerated().map { ($1, $0) })
                sharersByWorkload[uid] = sharers
                if let index = sharers[name] {
                    if let cpu = load.cpuMilli { usage.cpuMilli = WorkloadLoad.share(cpu, count: sharers.count, index: index) }
                    if let memory = load.memoryBytes { usage.memoryBytes = WorkloadLoad.share(memory, count: sharers.count, index: index) }
                }
            }
            result[name] = usage
        }
        return result
    }

    /// True when metrics-server would report the pod: its phase is Running.
    public static func hasMetrics(_ pod: Pod) -> Bool { pod.status?.phase == "Running" }

    /// Load is served by running, ready pods that are not being deleted (a Service's endpoints).
    static func isSharingLoad(_ pod: Pod) -> Bool {
        hasMetrics(pod) && PodConditions.isReady(pod) && pod.metadata.deletionTimestamp == nil
    }

    /// The behaviour model alone: memory from the image's profile and allocations; CPU 1m idle,
    /// 2m for servers.
    static func baseline(of pod: Pod, in store: Store) -> (cpuMilli: Int64, memoryBytes: Int64) {
        let key = ObjectKey.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default")
        guard let runtime = store.containerRuntime[key],
              let node = pod.spec?.nodeName.flatMap({ store.get(.node($0))?.node }) else { return (0, 0) }
        var cpu: Int64 = 0, memory: Int64 = 0
        for (container, instance) in zip(pod.spec?.containers ?? [], runtime.containers) where instance.phase == .running {
            let sync = PodSync(pod: pod, object: .pod(pod), node: node, store: store, now: store.now.seconds)
            let run = ContainerRunner(sync: sync, container: container, isInit: false).behaviour()
            memory += run.memoryBytes
            cpu += run.listens ? 2 : 1
        }
        return (cpu, memory)
    }

    /// The nearest controller up the owner chain (pod → ReplicaSet → Deployment) carrying a load.
    static func loadedWorkload(of object: KubeObject, in store: Store) -> (KubeObject, WorkloadLoad)? {
        var current = object
        for _ in 0..<4 {
            guard let reference = ControllerRef.of(current), let owner = store.object(withUID: reference.uid) else { return nil }
            if let load = WorkloadLoad(annotations: owner.meta.annotations) { return (owner, load) }
            current = owner
        }
        return nil
    }

    /// The pods a workload controls, through its ReplicaSets for a Deployment.
    static func pods(of workload: KubeObject, in store: Store) -> [Pod] {
        store.dependents(ofUID: workload.meta.uid ?? "").flatMap { dependent -> [Pod] in
            guard ControllerRef.of(dependent)?.uid == workload.meta.uid else { return [] }
            if let pod = dependent.pod { return [pod] }
            return dependent.kind == "ReplicaSet" ? pods(of: dependent, in: store) : []
        }
    }
}
