import KubeModel

/// CPU (millicores), memory and ephemeral storage (bytes), pod count and extended resources as
/// plain integers, so Filter and Score never touch `Quantity` on the hot path.
///
/// Upstream: `framework.Resource` in `pkg/scheduler/framework/types.go`, v1.33.0.
public struct ResourceVector: Equatable, Sendable {
    public var milliCPU: Int64 = 0
    public var memory: Int64 = 0
    public var ephemeralStorage: Int64 = 0
    /// For allocatable: `pods` (upstream `AllowedPodNumber`); unused for requests.
    public var allowedPodNumber: Int64 = 0
    /// Extended resources (`nvidia.com/gpu`, `hugepages-2Mi`…), by name.
    public var scalar: [String: Int64] = [:]

    public init() {}

    /// Reads a ResourceList the way `Resource.Add` does: cpu in milli, the rest by `Value()`.
    public init(_ list: [String: Quantity]?) {
        for (name, quantity) in list ?? [:] { add(name, quantity) }
    }

    mutating func add(_ name: String, _ quantity: Quantity) {
        switch name {
        case "cpu": milliCPU += quantity.milliValue
        case "memory": memory += quantity.value
        case "ephemeral-storage": ephemeralStorage += quantity.value
        case "pods": allowedPodNumber += quantity.value
        default: scalar[name, default: 0] += quantity.value
        }
    }

    mutating func add(_ other: ResourceVector) {
        milliCPU += other.milliCPU
        memory += other.memory
        ephemeralStorage += other.ephemeralStorage
        allowedPodNumber += other.allowedPodNumber
        for (name, value) in other.scalar { scalar[name, default: 0] += value }
    }

    mutating func subtract(_ other: ResourceVector) {
        milliCPU -= other.milliCPU
        memory -= other.memory
        ephemeralStorage -= other.ephemeralStorage
        allowedPodNumber -= other.allowedPodNumber
        for (name, value) in other.scalar { scalar[name, default: 0] -= value }
    }

    /// Upstream `SetMaxResource`: each dimension becomes the larger of the two.
    mutating func formMax(_ other: ResourceVector) {
        milliCPU = max(milliCPU, other.milliCPU)
        memory = max(memory, other.memory)
        ephemeralStorage = max(ephemeralStorage, other.ephemeralStorage)
        allowedPodNumber = max(allowedPodNumber, other.allowedPodNumber)
        for (name, value) in other.scalar { scalar[name] = max(scalar[name] ?? 0, value) }
    }

    /// The value of one named resource (`cpu` in millicores).
    public func value(of name: String) -> Int64 {
        switch name {
        case "cpu": milliCPU
        case "memory": memory
        case "ephemeral-storage": ephemeralStorage
        case "pods": allowedPodNumber
        default: scalar[name] ?? 0
        }
    }
}

/// Pod resource requests as kube-scheduler computes them.
///
/// Upstream: `k8s.io/component-helpers/resource/helpers.go` `PodRequests` and
/// `AggregateContainerRequests`, v1.33.0 (pod-level resources are alpha and off there, so ignored):
/// the sum of the containers; each init container counts with the restartable (sidecar) init
/// containers started before it, and the pod needs the larger of that and the sum; sidecars also
/// add to the sum; then `spec.overhead` is added.
enum PodRequests {
    /// Upstream `schedutil.DefaultMilliCPURequest`: what a container without a cpu request counts as when scoring.
    static let defaultMilliCPURequest: Int64 = 100
    /// Upstream `schedutil.DefaultMemoryRequest` (200 MB): the same for memory.
    static let defaultMemoryRequest: Int64 = 200 * 1024 * 1024

    /// The pod's requests; with `nonZero`, containers missing a cpu or memory request count the
    /// defaults above (upstream `NonMissingContainerRequests`, used by the scoring plugins).
    static func compute(_ spec: PodSpec?, nonZero: Bool) -> ResourceVector {
        // Read through the optional, elements in place: binding the spec and iterating the
        // containers copied each of them.
        guard let containers = spec?.containers else { return ResourceVector() }
        var total = ResourceVector()
        for index in containers.indices {
            total.add(containerRequests(containers[index], nonZero: nonZero))
        }
        var restartableInit = ResourceVector()
        var initMax = ResourceVector()
        let initContainers = spec?.initContainers ?? []
        for index in initContainers.indices {
            var requests = containerRequests(initContainers[index], nonZero: nonZero)
            if initContainers[index].restartPolicy == "Always" {
                total.add(requests)
                restartableInit.add(requests)
                requests = restartableInit
            } else {
                requests.add(restartableInit)
            }
            initMax.formMax(requests)
        }
        total.formMax(initMax)
        if let overhead = spec?.overhead { total.add(ResourceVector(overhead)) }
        return total
    }

    private static func containerRequests(_ container: Container, nonZero: Bool) -> ResourceVector {
        let list = container.resources?.requests
        var requests = ResourceVector(list)
        if nonZero {
            if list?["cpu"] == nil { requests.milliCPU = defaultMilliCPURequest }
            if list?["memory"] == nil { requests.memory = defaultMemoryRequest }
        }
        return requests
    }
}
