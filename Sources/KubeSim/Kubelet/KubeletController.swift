import KubeModel

/// The kubelets of all nodes as one controller keyed by pod: runs each bound pod's containers
/// through the behaviour model (pulls, starts, exits, restarts with back-off, probes, OOM kills)
/// and writes the pod status and events a real kubelet would.
/// Upstream: pkg/kubelet/kubelet.go `SyncPod`, pkg/kubelet/kuberuntime/kuberuntime_manager.go.
struct KubeletController: Controller {
    let name = "kubelet"
    let watchedKinds: Set<String>? = ["Pod", "ConfigMap", "Secret", "ServiceAccount", "Node"]

    func keys(for event: WatchEvent, in store: Store) -> [ObjectKey] {
        switch event.key.kind {
        case "Pod":
            // A pod that finished and is not being deleted has nothing left for `PodSync.run`.
            let wanted = event.type != .deleted && event.object.withPod { pod in
                pod.$spec.read(\.nodeName) != nil && (pod.metadata.deletionTimestamp != nil || !PodSync.isFinished(pod))
            } == true
            return wanted ? [event.key] : []
        case "ConfigMap", "Secret", "ServiceAccount":
            // Pods waiting for config look again when it appears.
            return store.list(kind: "Pod", namespace: event.key.namespace).filter { object in
                store.containerRuntime[object.key].map { runtime in
                    !runtime.sandboxReady || (runtime.containers + runtime.initContainers).contains { $0.reason == "CreateContainerConfigError" || $0.reason == "ImagePullBackOff" || $0.reason == "ErrImagePull" }
                } ?? false
            }.map(\.key)
        case "Node":
            return store.pods.filter { $0.spec?.nodeName == event.key.name }.map {
                ObjectKey.pod($0.metadata.name ?? "", namespace: $0.metadata.namespace ?? "default")
            }
        default:
            return []
        }
    }

    func reconcile(_ key: ObjectKey, in store: Store, at now: VirtualTime) -> ReconcileResult {
        guard let object = store.get(key), case .pod(let pod) = object, let nodeName = pod.$spec.read(\.nodeName),
              let node = store.get(.node(nodeName))?.node, node.isReady else { return .done }
        var sync = PodSync(pod: pod, object: object, node: node, store: store, now: now.seconds)
        let next = sync.run()
        if sync.isRemoved { return .done }
        if let next { return .requeue(after: .seconds(max(1, next - now.seconds))) }
        return .done
    }
}

/// One pass of the kubelet over one pod.
struct PodSync {
    var pod: Pod
    /// The pod as read, what its Events name: wrapping `pod` again for each Event copied it
    /// into a new box (name, namespace and uid do not change during a sync).
    let object: KubeObject
    let node: Node
    let store: Store
    let now: Int64
    var runtime: PodRuntime
    var isRemoved = false

    init(pod: Pod, object: KubeObject, node: Node, store: Store, now: Int64) {
        self.pod = pod
        self.object = object
        self.node = node
        self.store = store
        self.now = now
        let key = ObjectKey.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default")
        if let existing = store.containerRuntime[key] {
            runtime = existing
        } else {
            let nodeIndex = (store.keys(kind: "Node").firstIndex { $0.name == node.metadata.name } ?? 0) + 1
            let podCount = store.containerRuntime.count + 2
            runtime = PodRuntime(podIP: "10.244.\(nodeIndex).\(podCount % 250 + 2)", startTime: now)
            runtime.containers = (pod.$spec.read(\.containers) ?? []).map { ContainerInstance(name: $0.name) }
            runtime.initContainers = (pod.$spec.read(\.initContainers) ?? []).map { ContainerInstance(name: $0.name) }
        }
    }

    var key: ObjectKey { ObjectKey.pod(pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "default") }

    static func isFinished(_ pod: Pod) -> Bool {
        let phase = pod.status?.phase
        return phase == "Succeeded" || phase == "Failed"
    }

    /// Runs everything due now; returns when to look again.
    mutating func run() -> Int64? {
        if pod.metadata.deletionTimestamp == nil, Self.isFinished(pod) { return nil }
        var next: Int64?
        if pod.metadata.deletionTimestamp != nil {
            next = terminate()
            if isRemoved { return nil }
        } else if !runtime.sandboxReady {
            if let problem = ConfigResolver.missingVolume(of: pod, in: store) {
                if runtime.containers.first?.message != problem {
                    store.record("Warning", "FailedMount", problem, on: object, component: "kubelet", host: node.metadata.name)
                    runtime.containers = runtime.containers.map { var instance = $0; instance.message = problem; return instance }
                }
            } else {
                runtime.sandboxReady = true
            }
        }
        if runtime.sandboxReady, pod.metadata.deletionTimestamp == nil {
            next = syncContainers()
        }
        store.containerRuntime[key] = runtime
        PodStatusBuilder.write(&pod, runtime: runtime, node: node, now: now, imageIDs: store.imageIDs)
        store.updateStatus(.pod(pod))
        return next
    }

    /// Init containers one after another, then all app containers.
    private mutating func syncContainers() -> Int64? {
        let initSpecs = pod.$spec.read(\.initContainers) ?? []
        for (index, container) in initSpecs.enumerated() {
            var runner = ContainerRunner(sync: self, container: container, isInit: true)
            let due = runner.step(&runtime.initContainers[index])
            if runtime.initContainers[index].phase == .terminated, runtime.initContainers[index].exitCode == 0 { continue }
            if runtime.initContainers[index].phase == .terminated, pod.$spec.read(\.restartPolicy) == "Never" { return nil }
            return due
        }
        var next: Int64?
        for (index, container) in (pod.$spec.read(\.containers) ?? []).enumerated() where index < runtime.containers.count {
            var runner = ContainerRunner(sync: self, container: container, isInit: false)
            if let due = runner.step(&runtime.containers[index]) { next = min(next ?? due, due) }
        }
        return next
    }

    /// Graceful termination: each container gets SIGTERM; processes that ignore it are killed
    /// when the grace period ends; then the pod object is removed (upstream: kubelet
    /// `killPod`, then the status manager's final delete).
    private mutating func terminate() -> Int64? {
        let grace = pod.metadata.deletionGracePeriodSeconds ?? 30
        var latest: Int64 = now
        for index in runtime.containers.indices where runtime.containers[index].phase == .running {
            var instance = runtime.containers[index]
            if instance.killAt == nil {
                store.record("Normal", "Killing", "Stopping container \(instance.name)", on: object, component: "kubelet", host: node.metadata.name,
                             fieldPath: store.kubeletTexts.text(.containerFieldPath, instance.name))
                let container = pod.spec?.containers.first { $0.name == instance.name }
                let stops = container.flatMap { ImageCatalogue.profile(for: ImageReference($0.image ?? "")) }?.stopsOnSIGTERM ?? true
                let usesShell = container?.command?.first.map { ["sh", "/bin/sh", "bash", "sleep"].contains($0) } ?? false
                let graceful = stops && !usesShell
                instance.killAt = now + (graceful ? 0 : grace)
                instance.killExitCode = graceful ? 0 : 137
            }
            if let killAt = instance.killAt, killAt <= now {
                instance.phase = .terminated
                instance.exitCode = instance.killExitCode
                instance.finishedAt = killAt
            }
            latest = max(latest, instance.killAt ?? now)
            runtime.containers[index] = instance
        }
        if runtime.containers.allSatisfy({ $0.phase != .running }) {
            store.remove(key)
            isRemoved = true
            return nil
        }
        return latest
    }
}
