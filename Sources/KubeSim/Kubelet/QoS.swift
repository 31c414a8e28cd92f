import KubeModel

/// Quality-of-service classes, computed as upstream's `GetPodQOS`
/// (pkg/apis/core/v1/helper/qos/qos.go): only cpu and memory count; BestEffort when no container
/// sets any request or limit; Guaranteed when every container has cpu and memory limits and its
/// requests equal them; otherwise Burstable. Init containers count too.
public enum QoS {
    public static func podClass(_ spec: PodSpec) -> String {
        let containers = spec.containers + (spec.initContainers ?? [])
        var requests: [String: Quantity] = [:]
        var limits: [String: Quantity] = [:]
        var isGuaranteed = true
        for container in containers {
            let containerRequests = (container.resources?.requests ?? [:]).filter { ["cpu", "memory"].contains($0.key) && !$0.value.isZero }
            let containerLimits = (container.resources?.limits ?? [:]).filter { ["cpu", "memory"].contains($0.key) && !$0.value.isZero }
            for (name, quantity) in containerRequests { requests[name, default: Quantity()] += quantity }
            for (name, quantity) in containerLimits { limits[name, default: Quantity()] += quantity }
            if containerLimits.count < 2 { isGuaranteed = false }
        }
        if requests.isEmpty && limits.isEmpty { return "BestEffort" }
        if isGuaranteed {
            for (name, request) in requests where limits[name] != request { isGuaranteed = false }
        }
        return isGuaranteed && limits.count == 2 ? "Guaranteed" : "Burstable"
    }
}
