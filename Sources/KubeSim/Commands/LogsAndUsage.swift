import KubeModel

extension Cluster {
    /// `kubectl logs [-c container] [--previous]`: the behaviour model's output of the current
    /// (or previous) container instance, with the API server's errors for containers that never
    /// ran (pkg/registry/core/pod/strategy.go `LogLocation`/`validateContainer`).
    public func logs(pod name: String, namespace: String = "default", container: String? = nil, previous: Bool = false) throws -> [String] {
        let key = ObjectKey.pod(name, namespace: namespace)
        guard let pod = store.get(key)?.pod else { throw APIError.notFound(key) }
        let names = (pod.spec?.initContainers ?? []).map(\.name) + (pod.spec?.containers ?? []).map(\.name)
        let chosen = container ?? pod.spec?.containers.first?.name ?? ""
        guard names.contains(chosen) else {
            throw APIError(reason: "BadRequest", message: "container \(chosen) is not valid for pod \(name)")
        }
        let runtime = store.containerRuntime[key]
        let instance = (runtime?.containers ?? []).first { $0.name == chosen } ?? (runtime?.initContainers ?? []).first { $0.name == chosen }
        if previous {
            guard let instance, instance.restartCount > 0 || (instance.phase == .waiting && instance.lastTermination != nil) else {
                throw APIError(reason: "BadRequest", message: "previous terminated container \"\(chosen)\" in pod \"\(name)\" not found")
            }
            return instance.phase == .terminated ? instance.logs : instance.previousLogs
        }
        guard let instance, instance.startedAt != nil else {
            let reason = instance.map { $0.reason == "ErrImagePull" || $0.reason == "ImagePullBackOff" ? "trying and failing to pull image" : $0.reason } ?? "ContainerCreating"
            throw APIError(reason: "BadRequest", message: "container \"\(chosen)\" in pod \"\(name)\" is waiting to start: \(reason)")
        }
        return instance.phase == .waiting ? instance.previousLogs : instance.logs
    }

    /// Memory and CPU a running pod uses in the behaviour model (what `kubectl top` would show from
    /// metrics-server): memory from the image's profile and allocations; CPU 1m idle, 2m for servers.
    public func usage(of pod: Pod) -> (cpuMilli: Int64, memoryBytes: Int64) {
        let key = ObjectKey.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default")
        guard let runtime = store.containerRuntime[key] else { return (0, 0) }
        var cpu: Int64 = 0, memory: Int64 = 0
        for (container, instance) in zip(pod.spec?.containers ?? [], runtime.containers) where instance.phase == .running {
            guard let node = pod.spec?.nodeName.flatMap({ store.get(.node($0))?.node }) else { continue }
            let sync = PodSync(pod: pod, node: node, store: store, now: now.seconds)
            let run = ContainerRunner(sync: sync, container: container, isInit: false).behaviour()
            memory += run.memoryBytes
            cpu += run.listens ? 2 : 1
        }
        return (cpu, memory)
    }
}
