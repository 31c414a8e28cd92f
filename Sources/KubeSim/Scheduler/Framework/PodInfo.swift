import KubeModel

/// A pod with everything the plugins read computed once: requests, priority, host ports,
/// parsed affinity terms. Built for the pod being scheduled and for each pod bound to a node.
///
/// Upstream: `framework.PodInfo` in `pkg/scheduler/framework/types.go`, v1.33.0 (it also caches
/// the parsed affinity terms and the pod's resource requests).
public final class PodInfo: @unchecked Sendable {
    public let pod: Pod
    public let name: String
    public let namespace: String
    public let labels: [String: String]
    /// `PodRequests` as NodeResourcesFit filters with it.
    public let requests: ResourceVector
    /// Requests with upstream's defaults for containers that set none (scoring).
    public let nonZeroRequests: ResourceVector
    /// Upstream `corev1helpers.PodPriority`: `spec.priority`, else the priority class's value, else 0.
    public let priority: Int32
    public let hostPorts: [HostPort]
    public let tolerations: [Toleration]
    public let requiredNodeAffinity: RequiredNodeAffinity
    public let requiredAffinityTerms: [AffinityTerm]
    public let requiredAntiAffinityTerms: [AffinityTerm]
    public let preferredAffinityTerms: [WeightedAffinityTerm]
    public let preferredAntiAffinityTerms: [WeightedAffinityTerm]
    /// `metadata.deletionTimestamp` is set: PodTopologySpread does not count such pods.
    public let isTerminating: Bool
    /// `status.startTime`, compared by preemption to pick among equal candidates.
    public let startTime: String?

    /// - Parameter priorityClasses: used when the admission plugin has not filled `spec.priority`.
    public init(_ pod: Pod, priorityClasses: [String: PriorityClass] = [:]) {
        self.pod = pod
        let spec = pod.spec
        name = pod.metadata.name ?? ""
        namespace = pod.metadata.namespace ?? "default"
        labels = pod.metadata.labels ?? [:]
        requests = PodRequests.compute(spec, nonZero: false)
        nonZeroRequests = PodRequests.compute(spec, nonZero: true)
        priority = PodInfo.resolvePriority(spec, priorityClasses)
        hostPorts = HostPort.wanted(by: spec)
        tolerations = spec?.tolerations ?? []
        requiredNodeAffinity = RequiredNodeAffinity(spec)
        let affinity = spec?.affinity
        let namespace = self.namespace
        requiredAffinityTerms = (affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
            .map { AffinityTerm($0, podNamespace: namespace, podLabels: pod.metadata.labels ?? [:]) }
        requiredAntiAffinityTerms = (affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
            .map { AffinityTerm($0, podNamespace: namespace, podLabels: pod.metadata.labels ?? [:]) }
        preferredAffinityTerms = (affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
            .map { WeightedAffinityTerm($0, podNamespace: namespace, podLabels: pod.metadata.labels ?? [:]) }
        preferredAntiAffinityTerms = (affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
            .map { WeightedAffinityTerm($0, podNamespace: namespace, podLabels: pod.metadata.labels ?? [:]) }
        isTerminating = pod.metadata.deletionTimestamp != nil
        startTime = pod.status?.startTime
    }

    /// `pod` read again where only its status, `spec.nodeName` or metadata other than labels may
    /// differ from `info`'s (an assumed binding, a kubelet's status write): parsed afresh otherwise.
    static func reread(_ pod: Pod, reusing info: PodInfo?, priorityClasses: [String: PriorityClass]) -> PodInfo {
        guard let info, info.pod.metadata.name == pod.metadata.name, info.pod.metadata.namespace == pod.metadata.namespace,
              info.pod.metadata.labels == pod.metadata.labels else { return PodInfo(pod, priorityClasses: priorityClasses) }
        var spec = pod.spec
        spec?.nodeName = info.pod.spec?.nodeName
        return spec == info.pod.spec ? PodInfo(info, assumedOn: pod) : PodInfo(pod, priorityClasses: priorityClasses)
    }

    /// `info`'s pod as bound to a node or with a new status: the same derived data (none of it
    /// reads `spec.nodeName`) without parsing the pod again.
    init(_ info: PodInfo, assumedOn pod: Pod) {
        self.pod = pod
        name = info.name
        namespace = info.namespace
        labels = info.labels
        requests = info.requests
        nonZeroRequests = info.nonZeroRequests
        priority = info.priority
        hostPorts = info.hostPorts
        tolerations = info.tolerations
        requiredNodeAffinity = info.requiredNodeAffinity
        requiredAffinityTerms = info.requiredAffinityTerms
        requiredAntiAffinityTerms = info.requiredAntiAffinityTerms
        preferredAffinityTerms = info.preferredAffinityTerms
        preferredAntiAffinityTerms = info.preferredAntiAffinityTerms
        isTerminating = pod.metadata.deletionTimestamp != nil
        startTime = pod.status?.startTime
    }

    /// `namespace/name`, the key pods are found by.
    public var key: String { "\(namespace)/\(name)" }

    /// Whether `key` is this pod's `namespace/name`, compared without spelling it (a node's
    /// pods were each joined into a new string to find one).
    func hasKey(_ key: String) -> Bool {
        let whole = key.utf8, space = namespace.utf8, own = name.utf8
        guard whole.count == space.count + 1 + own.count, whole.starts(with: space) else { return false }
        let rest = whole.dropFirst(space.count)
        return rest.first == UInt8(ascii: "/") && rest.dropFirst().elementsEqual(own)
    }

    /// Upstream `podWithAffinity`: the pod has pod affinity or anti-affinity of any kind.
    var hasPodAffinity: Bool {
        let affinity = pod.spec?.affinity
        return affinity?.podAffinity != nil || affinity?.podAntiAffinity != nil
    }

    private static func resolvePriority(_ spec: PodSpec?, _ classes: [String: PriorityClass]) -> Int32 {
        if let priority = spec?.priority { return priority }
        if let className = spec?.priorityClassName, let priorityClass = classes[className] { return priorityClass.value }
        if let global = classes.values.first(where: { $0.globalDefault == true }) { return global.value }
        return 0
    }
}

/// A parsed pod (anti-)affinity term.
///
/// Upstream: `framework.AffinityTerm` and `getNamespacesFromPodAffinityTerm`, v1.33.0: without
/// `namespaces` and `namespaceSelector` the term applies to the pod's own namespace; a nil
/// `namespaceSelector` matches no namespace, an empty one every namespace. `matchLabelKeys` and
/// `mismatchLabelKeys` are merged into the selector here (upstream's API server does it on create).
public struct AffinityTerm: Sendable {
    public let namespaces: Set<String>
    public let namespaceSelector: LabelMatcher
    public let selector: LabelMatcher
    public let topologyKey: String

    init(_ term: PodAffinityTerm, podNamespace: String, podLabels: [String: String]) {
        if (term.namespaces ?? []).isEmpty && term.namespaceSelector == nil {
            namespaces = [podNamespace]
        } else {
            namespaces = Set(term.namespaces ?? [])
        }
        namespaceSelector = LabelMatcher(term.namespaceSelector)
        var selector = LabelMatcher(term.labelSelector)
        if term.labelSelector != nil {
            selector.addEquals(keys: term.matchLabelKeys ?? [], from: podLabels)
            for key in term.mismatchLabelKeys ?? [] {
                if let value = podLabels[key] {
                    selector.requirements.append(.init(key: key, op: .notIn, values: [value]))
                }
            }
        }
        self.selector = selector
        topologyKey = term.topologyKey
    }

    /// Upstream `AffinityTerm.Matches`: the pod is in one of the term's namespaces and has matching labels.
    public func matches(_ pod: PodInfo, namespaceLabels: [String: String]?) -> Bool {
        guard namespaces.contains(pod.namespace) || namespaceSelector.matches(namespaceLabels) else { return false }
        return selector.matches(pod.labels)
    }
}

/// A preferred pod (anti-)affinity term with its weight (1–100).
public struct WeightedAffinityTerm: Sendable {
    public let term: AffinityTerm
    public let weight: Int32

    init(_ term: WeightedPodAffinityTerm, podNamespace: String, podLabels: [String: String]) {
        self.term = AffinityTerm(term.podAffinityTerm, podNamespace: podNamespace, podLabels: podLabels)
        weight = term.weight
    }
}

/// One host port a container asks for.
///
/// Upstream: `framework.HostPortInfo` and `schedutil.GetHostPorts`, v1.33.0: an empty host IP
/// means `0.0.0.0` (all addresses) and an empty protocol `TCP`; port 0 asks for nothing.
public struct HostPort: Hashable, Sendable {
    public static let bindAllHostIP = "0.0.0.0"
    public var ip: String
    public var `protocol`: String
    public var port: Int32

    public init(ip: String?, protocol: String?, port: Int32) {
        self.ip = (ip ?? "").isEmpty ? HostPort.bindAllHostIP : (ip ?? "")
        self.protocol = (`protocol` ?? "").isEmpty ? "TCP" : (`protocol` ?? "")
        self.port = port
    }

    static func wanted(by spec: PodSpec?) -> [HostPort] {
        var ports: [HostPort] = []
        for container in spec?.containers ?? [] {
            for port in container.ports ?? [] {
                guard let hostPort = port.hostPort, hostPort > 0 else { continue }
                ports.append(HostPort(ip: port.hostIP, protocol: port.protocol, port: hostPort))
            }
        }
        return ports
    }
}
