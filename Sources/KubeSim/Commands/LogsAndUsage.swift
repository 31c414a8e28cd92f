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

    /// Memory and CPU a running pod uses, as `kubectl top` shows it from metrics-server:
    /// the behaviour model, or the pod's share of its workload's simulated load (MetricsServer).
    public func usage(of pod: Pod) -> (cpuMilli: Int64, memoryBytes: Int64) {
        MetricsServer.usage(of: pod, in: store)
    }
}
