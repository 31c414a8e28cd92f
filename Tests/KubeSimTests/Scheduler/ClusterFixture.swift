import KubeModel
@testable import KubeSim

/// Builds the simulator's default test cluster and pods for scheduler tests: `control-plane`
/// (tainted `node-role.kubernetes.io/control-plane:NoSchedule`) and `worker-1…3` with 4 CPU,
/// 16Gi, 110 pods, in zones `zone-a/b/c`, labelled as kubeadm labels nodes.
enum Fixture {
    static func quantity(_ text: String) -> Quantity {
        (try? Quantity(parsing: text)) ?? Quantity()
    }

    static func taint(_ key: String, _ value: String? = nil, _ effect: String) -> Taint {
        var taint = Taint()
        taint.key = key
        taint.value = value
        taint.effect = effect
        return taint
    }

    static func toleration(_ key: String?, _ op: String? = nil, _ value: String? = nil, effect: String? = nil) -> Toleration {
        var toleration = Toleration()
        toleration.key = key
        toleration.operator = op
        toleration.value = value
        toleration.effect = effect
        return toleration
    }

    static func node(_ name: String, cpu: String = "4", memory: String = "16Gi", pods: String = "110",
                     zone: String? = nil, labels: [String: String] = [:], taints: [Taint] = [],
                     unschedulable: Bool = false, images: [(String, Int64)] = [], extra: [String: String] = [:]) -> Node {
        var node = Node()
        node.metadata.name = name
        var allLabels = ["kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64"]
        if let zone { allLabels["topology.kubernetes.io/zone"] = zone }
        allLabels.merge(labels) { $1 }
        node.metadata.labels = allLabels
        var spec = NodeSpec()
        spec.taints = taints.isEmpty ? nil : taints
        spec.unschedulable = unschedulable ? true : nil
        node.spec = spec
        var status = NodeStatus()
        var allocatable = ["cpu": quantity(cpu), "memory": quantity(memory), "pods": quantity(pods)]
        for (resource, amount) in extra { allocatable[resource] = quantity(amount) }
        status.allocatable = allocatable
        status.capacity = allocatable
        status.images = images.map { name, size in
            var image = ContainerImage()
            image.names = [name]
            image.sizeBytes = size
            return image
        }
        node.status = status
        return node
    }

    /// `control-plane` plus `worker-1…3`.
    static func defaultNodes() -> [Node] {
        [node("control-plane", labels: ["node-role.kubernetes.io/control-plane": ""],
              taints: [taint("node-role.kubernetes.io/control-plane", nil, "NoSchedule")])]
            + (1...3).map { node("worker-\($0)", zone: "zone-\(["a", "b", "c"][$0 - 1])") }
    }

    static func container(_ name: String = "app", image: String = "nginx", cpu: String? = nil, memory: String? = nil,
                          restartPolicy: String? = nil, hostPort: Int32? = nil) -> Container {
        var container = Container()
        container.name = name
        container.image = image
        var requests: [String: Quantity] = [:]
        if let cpu { requests["cpu"] = quantity(cpu) }
        if let memory { requests["memory"] = quantity(memory) }
        if !requests.isEmpty {
            var resources = ResourceRequirements()
            resources.requests = requests
            container.resources = resources
        }
        container.restartPolicy = restartPolicy
        if let hostPort {
            var port = ContainerPort()
            port.containerPort = hostPort
            port.hostPort = hostPort
            container.ports = [port]
        }
        return container
    }

    static func pod(_ name: String, namespace: String = "default", cpu: String? = nil, memory: String? = nil,
                    labels: [String: String] = [:], node: String? = nil, priority: Int32? = nil,
                    configure: (inout PodSpec) -> Void = { _ in }) -> Pod {
        var pod = Pod()
        pod.metadata.name = name
        pod.metadata.namespace = namespace
        pod.metadata.labels = labels.isEmpty ? nil : labels
        var spec = PodSpec()
        spec.containers = [container(cpu: cpu, memory: memory)]
        spec.nodeName = node
        spec.priority = priority
        configure(&spec)
        pod.spec = spec
        return pod
    }

    static func snapshot(_ nodes: [Node] = defaultNodes(), pods: [Pod] = []) -> ClusterSnapshot {
        ClusterSnapshot(nodes: nodes, pods: pods)
    }

    static func selector(_ labels: [String: String]) -> LabelSelector {
        var selector = LabelSelector()
        selector.matchLabels = labels
        return selector
    }

    /// Runs one plugin's PreFilter (if any) then Filter on every node, as the framework would.
    static func filter(_ plugin: some FilterPlugin, _ pod: Pod, _ snapshot: ClusterSnapshot) -> [String: Status] {
        let info = PodInfo(pod, priorityClasses: snapshot.priorityClasses)
        let state = CycleState()
        if let preFilter = plugin as? any PreFilterPlugin {
            let status = preFilter.preFilter(info, state, snapshot)
            if status.isSkip { return Dictionary(uniqueKeysWithValues: snapshot.nodes.map { ($0.name, Status.success) }) }
            if !status.isSuccess { return Dictionary(uniqueKeysWithValues: snapshot.nodes.map { ($0.name, status) }) }
        }
        return Dictionary(uniqueKeysWithValues: snapshot.nodes.map { ($0.name, plugin.filter(info, $0, state)) })
    }

    /// Runs one plugin's PreScore (if any), Score on every node and NormalizeScore.
    static func score(_ plugin: some ScorePlugin, _ pod: Pod, _ snapshot: ClusterSnapshot) -> [String: Int64] {
        let info = PodInfo(pod, priorityClasses: snapshot.priorityClasses)
        let state = CycleState()
        let feasible = Array(snapshot.nodes.indices)
        if let preScore = plugin as? any PreScorePlugin, preScore.preScore(info, feasible, state, snapshot).isSkip {
            return Dictionary(uniqueKeysWithValues: snapshot.nodes.map { ($0.name, 0) })
        }
        var scores = snapshot.nodes.map { NodeScore(name: $0.name, score: plugin.score(info, $0, state)) }
        plugin.normalize(&scores, info, state)
        return Dictionary(uniqueKeysWithValues: scores.map { ($0.name, $0.score) })
    }
}
