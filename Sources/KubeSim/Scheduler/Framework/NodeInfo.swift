import KubeModel

/// A node and the pods bound to it, with the aggregates Filter and Score read kept up to date as
/// pods are added and removed, so that checking one node costs a few comparisons.
///
/// Upstream: `framework.NodeInfo` in `pkg/scheduler/framework/types.go`, v1.33.0 (`Requested`,
/// `NonZeroRequested`, `Allocatable`, `UsedPorts`, `PodsWithAffinity`, `ImageStates`).
public struct NodeInfo: Sendable {
    public let node: Node
    public let name: String
    public let labels: [String: String]
    public let taints: [Taint]
    /// `spec.unschedulable` (cordoned).
    public let isUnschedulable: Bool
    /// `status.allocatable` (falling back to `status.capacity` when the simulator left it empty).
    public let allocatable: ResourceVector
    /// Container images on the node by every name they are known by, with their size in bytes.
    public let imageSizes: [String: Int64]
    /// True when some taint has effect `PreferNoSchedule` (TaintToleration's score looks only then).
    let hasPreferNoScheduleTaint: Bool

    public private(set) var podInfos: [PodInfo] = []
    /// Sum of the bound pods' requests (upstream `Requested`).
    public private(set) var requested = ResourceVector()
    /// The same with defaults for containers that request nothing (upstream `NonZeroRequested`).
    public private(set) var nonZeroRequested = ResourceVector()
    /// Host ports in use, counted so that removing one pod frees only its own.
    public private(set) var usedPorts: [HostPort: Int] = [:]
    /// Bound pods with any pod affinity or anti-affinity (upstream `PodsWithAffinity`).
    public private(set) var podsWithAffinity: [PodInfo] = []
    /// Bound pods with required anti-affinity (upstream `PodsWithRequiredAntiAffinity`).
    public private(set) var podsWithRequiredAntiAffinity: [PodInfo] = []

    public init(node: Node, pods: [PodInfo] = []) {
        self.node = node
        name = node.metadata.name ?? ""
        labels = node.metadata.labels ?? [:]
        taints = node.spec?.taints ?? []
        isUnschedulable = node.spec?.unschedulable ?? false
        let status = node.status
        allocatable = ResourceVector(status?.allocatable ?? status?.capacity)
        var images: [String: Int64] = [:]
        for image in status?.images ?? [] {
            for imageName in image.names ?? [] { images[imageName] = image.sizeBytes ?? 0 }
        }
        imageSizes = images
        hasPreferNoScheduleTaint = taints.contains { $0.effect == "PreferNoSchedule" }
        for pod in pods { add(pod) }
    }

    /// The bound pods.
    public var pods: [Pod] { podInfos.map(\.pod) }

    /// Accounts for a pod bound to this node (upstream `AddPodInfo`).
    public mutating func add(_ pod: PodInfo) {
        podInfos.append(pod)
        requested.add(pod.requests)
        nonZeroRequested.add(pod.nonZeroRequests)
        for port in pod.hostPorts { usedPorts[port, default: 0] += 1 }
        if pod.hasPodAffinity { podsWithAffinity.append(pod) }
        if !pod.requiredAntiAffinityTerms.isEmpty { podsWithRequiredAntiAffinity.append(pod) }
    }

    /// Accounts for a pod in the place a fresh build puts it: after the pods whose key sorts
    /// before its own, as `ClusterSnapshot` binds the store's pods in key order. Preemption's
    /// victim order reads `podInfos`, so a cache kept up to date must keep the same order.
    mutating func insertInKeyOrder(_ pod: PodInfo) {
        func precedes(_ other: PodInfo) -> Bool { (other.namespace, other.name) < (pod.namespace, pod.name) }
        guard let last = podInfos.last, !precedes(last) else { return add(pod) }
        podInfos.insert(pod, at: podInfos.firstIndex { !precedes($0) } ?? podInfos.count)
        requested.add(pod.requests)
        nonZeroRequested.add(pod.nonZeroRequests)
        for port in pod.hostPorts { usedPorts[port, default: 0] += 1 }
        if pod.hasPodAffinity { podsWithAffinity.insert(pod, at: podsWithAffinity.firstIndex { !precedes($0) } ?? podsWithAffinity.count) }
        if !pod.requiredAntiAffinityTerms.isEmpty {
            podsWithRequiredAntiAffinity.insert(pod, at: podsWithRequiredAntiAffinity.firstIndex { !precedes($0) } ?? podsWithRequiredAntiAffinity.count)
        }
    }

    /// Removes the pod with key `namespace/name` (upstream `RemovePod`); nil when it is not here.
    @discardableResult
    public mutating func remove(podKey key: String) -> PodInfo? {
        guard let index = podInfos.firstIndex(where: { $0.hasKey(key) }) else { return nil }
        let pod = podInfos.remove(at: index)
        requested.subtract(pod.requests)
        nonZeroRequested.subtract(pod.nonZeroRequests)
        for port in pod.hostPorts {
            let remaining = (usedPorts[port] ?? 1) - 1
            usedPorts[port] = remaining > 0 ? remaining : nil
        }
        podsWithAffinity.removeAll { $0 === pod }
        podsWithRequiredAntiAffinity.removeAll { $0 === pod }
        return pod
    }

    /// Upstream `HostPortInfo.CheckConflict`: `0.0.0.0` conflicts with the same protocol and port
    /// on any address; a specific address conflicts with itself and with `0.0.0.0`.
    public func portConflicts(_ wanted: HostPort) -> Bool {
        if wanted.port <= 0 || usedPorts.isEmpty { return false }
        if wanted.ip == HostPort.bindAllHostIP {
            return usedPorts.keys.contains { $0.port == wanted.port && $0.protocol == wanted.protocol }
        }
        var any = wanted
        any.ip = HostPort.bindAllHostIP
        return usedPorts[wanted] != nil || usedPorts[any] != nil
    }
}
