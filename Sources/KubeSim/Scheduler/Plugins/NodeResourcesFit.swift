/// Keeps pods off nodes without room for their requests, and scores nodes by how much stays
/// free (the default `LeastAllocated` strategy, cpu and memory weighted 1 each).
///
/// Upstream: `pkg/scheduler/framework/plugins/noderesources/fit.go` (`fitsRequest`),
/// `least_allocated.go` and `resource_allocation.go`, v1.33.0. Filter compares the pod's
/// requests (`PodRequests`: containers, init containers, sidecars, overhead) with allocatable
/// minus what bound pods request, and reports every resource that does not fit, `Unschedulable`
/// (removing pods could make room). Score uses requests with defaults for containers that set
/// none (100m cpu, 200Mi memory) so many empty pods do not pile onto one node.
public struct NodeResourcesFit: FilterPlugin, ScorePlugin {
    public static let name = "NodeResourcesFit"
    public var name: String { Self.name }

    /// Upstream reason when the node already runs `allocatable.pods` pods.
    public static let tooManyPodsReason = "Too many pods"

    /// Upstream `fmt.Sprintf("Insufficient %v", resourceName)`.
    public static func insufficientReason(_ resource: String) -> String { "Insufficient \(resource)" }

    public init() {}

    public func filter(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Status {
        let reasons = Self.insufficientResources(pod.requests, node)
        return reasons.isEmpty ? .success : Status(.unschedulable, reasons)
    }

    /// Upstream `fitsRequest`, in its order: pods, cpu, memory, ephemeral-storage, then extended
    /// resources (sorted by name here; Go's map order is random).
    static func insufficientResources(_ request: ResourceVector, _ node: NodeInfo) -> [String] {
        var reasons: [String] = []
        if Int64(node.podInfos.count) + 1 > node.allocatable.allowedPodNumber {
            reasons.append(tooManyPodsReason)
        }
        if request.milliCPU == 0 && request.memory == 0 && request.ephemeralStorage == 0 && request.scalar.isEmpty {
            return reasons
        }
        let allocatable = node.allocatable, requested = node.requested
        if request.milliCPU > 0 && request.milliCPU > allocatable.milliCPU - requested.milliCPU {
            reasons.append(insufficientReason("cpu"))
        }
        if request.memory > 0 && request.memory > allocatable.memory - requested.memory {
            reasons.append(insufficientReason("memory"))
        }
        if request.ephemeralStorage > 0 && request.ephemeralStorage > allocatable.ephemeralStorage - requested.ephemeralStorage {
            reasons.append(insufficientReason("ephemeral-storage"))
        }
        for (resource, quantity) in request.scalar.sorted(by: { $0.key < $1.key }) where quantity > 0 {
            if quantity > (allocatable.scalar[resource] ?? 0) - (requested.scalar[resource] ?? 0) {
                reasons.append(insufficientReason(resource))
            }
        }
        return reasons
    }

    public func score(_ pod: PodInfo, _ node: NodeInfo, _ state: CycleState) -> Int64 {
        let cpu = Self.leastRequested(node.nonZeroRequested.milliCPU + pod.nonZeroRequests.milliCPU, node.allocatable.milliCPU)
        let memory = Self.leastRequested(node.nonZeroRequested.memory + pod.nonZeroRequests.memory, node.allocatable.memory)
        switch (cpu, memory) {
        case let (cpu?, memory?): return (cpu + memory) / 2
        case let (cpu?, nil): return cpu
        case let (nil, memory?): return memory
        case (nil, nil): return 0
        }
    }

    /// Upstream `leastRequestedScore`: the free share × 100; nil when the node has none of the
    /// resource (upstream then leaves the resource out of the weighted mean).
    static func leastRequested(_ requested: Int64, _ capacity: Int64) -> Int64? {
        if capacity == 0 { return nil }
        if requested > capacity { return 0 }
        return (capacity - requested) * maxNodeScore / capacity
    }
}
