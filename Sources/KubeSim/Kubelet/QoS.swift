import KubeModel

/// Quality-of-service classes, computed as upstream's `GetPodQOS`
/// (pkg/apis/core/v1/helper/qos/qos.go): only cpu and memory count; BestEffort when no container
/// sets any request or limit; Guaranteed when every container has cpu and memory limits and its
/// requests equal them; otherwise Burstable. Init containers count too.
public enum QoS {
    public static func podClass(_ spec: PodSpec) -> String {
        podClass(containers: spec.containers, initContainers: spec.initContainers)
    }

    /// The class of `pod`'s spec (BestEffort without one).
    public static func podClass(of pod: Pod) -> String {
        podClass(containers: pod.spec?.containers ?? [], initContainers: pod.spec?.initContainers)
    }

    // Two resources, so two running sums each: the kubelet asks on every status write.
    static func podClass(containers: [Container], initContainers: [Container]?) -> String {
        var requestCPU: Quantity?, requestMemory: Quantity?, limitCPU: Quantity?, limitMemory: Quantity?
        var isGuaranteed = true
        func add(_ quantity: Quantity?, to sum: inout Quantity?) -> Bool {
            guard let quantity, !quantity.isZero else { return false }
            sum = (sum ?? Quantity()) + quantity
            return true
        }
        func visit(_ container: Container) {
            guard let resources = container.resources else { isGuaranteed = false; return }
            _ = add(resources.requests?["cpu"], to: &requestCPU)
            _ = add(resources.requests?["memory"], to: &requestMemory)
            let cpu = add(resources.limits?["cpu"], to: &limitCPU)
            let memory = add(resources.limits?["memory"], to: &limitMemory)
            if !(cpu && memory) { isGuaranteed = false }
        }
        for container in containers { visit(container) }
        for container in initContainers ?? [] { visit(container) }
        if requestCPU == nil, requestMemory == nil, limitCPU == nil, limitMemory == nil { return "BestEffort" }
        if isGuaranteed {
            if let requestCPU, requestCPU != limitCPU { isGuaranteed = false }
            if let requestMemory, requestMemory != limitMemory { isGuaranteed = false }
        }
        return isGuaranteed && limitCPU != nil && limitMemory != nil ? "Guaranteed" : "Burstable"
    }
}
