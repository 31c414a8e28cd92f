/// HPA (`ValidateHorizontalPodAutoscalerSpec`, pkg/apis/autoscaling/validation), PDB
/// (`ValidatePodDisruptionBudgetSpec`, pkg/apis/policy/validation), PriorityClass
/// (`ValidatePriorityClass`, pkg/apis/scheduling/validation), NetworkPolicy
/// (`ValidateNetworkPolicySpec`, pkg/apis/networking/validation), v1.33.0.
enum PolicyRules {
    static func autoscaler(minReplicas: Int32?, maxReplicas: Int32, kind: String, name: String, _ context: inout RuleContext) {
        if let minimum = minReplicas, minimum < 1 {
            context.invalid("spec.minReplicas", number: Int64(minimum), "must be greater than or equal to 1")
        }
        if maxReplicas < 1 {
            if context.wasWritten("spec.maxReplicas") { context.invalid("spec.maxReplicas", number: Int64(maxReplicas), "must be greater than 0") }
        } else if let minimum = minReplicas, maxReplicas < minimum {
            context.invalid("spec.maxReplicas", number: Int64(maxReplicas), "must be greater than or equal to `minReplicas`")
        }
        if kind.isEmpty, context.wasWritten("spec.scaleTargetRef") { context.required("spec.scaleTargetRef.kind") }
        if name.isEmpty, context.wasWritten("spec.scaleTargetRef") { context.required("spec.scaleTargetRef.name") }
        if !kind.isEmpty, kind.contains("/") { context.invalid("spec.scaleTargetRef.kind", kind, "may not contain '/'") }
    }

    static func metrics(_ metrics: [MetricSpec], _ context: inout RuleContext) {
        let types = ["ContainerResource", "External", "Object", "Pods", "Resource"]
        for (index, metric) in metrics.enumerated() {
            let path = FieldPath.index("spec.metrics", index)
            if !types.contains(metric.type) { context.unsupported(FieldPath.child(path, "type"), metric.type, types) }
            if let resource = metric.resource {
                let target = resource.target
                let targetTypes = ["AverageValue", "Utilization", "Value"]
                if !targetTypes.contains(target.type) { context.unsupported(FieldPath.child(path, "resource.target.type"), target.type, targetTypes) }
                if let utilization = target.averageUtilization, utilization <= 0 {
                    context.invalid(FieldPath.child(path, "resource.target.averageUtilization"), number: Int64(utilization), "must be greater than 0")
                }
            }
        }
    }

    static func disruptionBudget(_ spec: PodDisruptionBudgetSpec, _ context: inout RuleContext) {
        if spec.minAvailable != nil, spec.maxUnavailable != nil {
            context.add("spec", "Invalid value: \"\": minAvailable and maxUnavailable cannot be both set")
        }
        CommonRules.intOrPercent(spec.minAvailable, "spec.minAvailable", &context)
        CommonRules.intOrPercent(spec.maxUnavailable, "spec.maxUnavailable", &context)
        CommonRules.labelSelector(spec.selector, "spec.selector", &context)
        CommonRules.oneOf(spec.unhealthyPodEvictionPolicy, ["AlwaysAllow", "IfHealthyBudget"], "spec.unhealthyPodEvictionPolicy", &context)
    }

    /// `HighestUserDefinablePriority` is one billion; `system-` names are reserved.
    static func priorityClass(_ priorityClass: PriorityClass, _ context: inout RuleContext) {
        let name = priorityClass.metadata.name ?? ""
        if name.hasPrefix("system-") {
            context.invalid("metadata.name", name, "priority class names with 'system-' prefix are reserved")
        }
        if priorityClass.value > 1_000_000_000 {
            context.forbidden("value", "maximum allowed value of a user defined priority is 1000000000")
        }
        CommonRules.oneOf(priorityClass.preemptionPolicy, ["Never", "PreemptLowerPriority"], "preemptionPolicy", &context)
    }

    static func networkPolicy(_ spec: NetworkPolicySpec, _ context: inout RuleContext) {
        CommonRules.labelSelector(spec.podSelector, "spec.podSelector", &context)
        for type in spec.policyTypes ?? [] where type != "Ingress" && type != "Egress" {
            context.unsupported("spec.policyTypes", type, ["Ingress", "Egress"])
        }
        for (index, rule) in (spec.ingress ?? []).enumerated() {
            checkPorts(rule.ports ?? [], FieldPath.child(FieldPath.index("spec.ingress", index), "ports"), &context)
            for (peerIndex, peer) in (rule.from ?? []).enumerated() {
                let peerPath = FieldPath.index(FieldPath.child(FieldPath.index("spec.ingress", index), "from"), peerIndex)
                checkPeer(peer.podSelector, peer.namespaceSelector, peer.ipBlock != nil, peerPath, &context)
            }
        }
        for (index, rule) in (spec.egress ?? []).enumerated() {
            checkPorts(rule.ports ?? [], FieldPath.child(FieldPath.index("spec.egress", index), "ports"), &context)
            for (peerIndex, peer) in (rule.to ?? []).enumerated() {
                let peerPath = FieldPath.index(FieldPath.child(FieldPath.index("spec.egress", index), "to"), peerIndex)
                checkPeer(peer.podSelector, peer.namespaceSelector, peer.ipBlock != nil, peerPath, &context)
            }
        }
    }

    private static func checkPeer(_ pods: LabelSelector?, _ namespaces: LabelSelector?, _ hasIPBlock: Bool, _ path: String, _ context: inout RuleContext) {
        if pods == nil, namespaces == nil, !hasIPBlock {
            context.required(path, "must specify a peer")
        } else if hasIPBlock, pods != nil || namespaces != nil {
            context.forbidden(path, "may not specify more than 1 peer type")
        }
        CommonRules.labelSelector(pods, FieldPath.child(path, "podSelector"), &context)
        CommonRules.labelSelector(namespaces, FieldPath.child(path, "namespaceSelector"), &context)
    }

    private static func checkPorts(_ ports: [NetworkPolicyPort], _ path: String, _ context: inout RuleContext) {
        for (index, port) in ports.enumerated() {
            let portPath = FieldPath.index(path, index)
            CommonRules.oneOf(port.protocol, ["SCTP", "TCP", "UDP"], FieldPath.child(portPath, "protocol"), &context)
            if let number = port.port { CommonRules.portNumberOrName(number, FieldPath.child(portPath, "port"), &context) }
        }
    }
}
