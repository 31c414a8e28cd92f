/// `ValidateService` and `validateServicePort` (pkg/apis/core/validation/validation.go, v1.33.0).
enum ServiceRules {
    static let types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]

    static func check(_ spec: ServiceSpec, _ context: inout RuleContext) {
        let type = (spec.type ?? "").isEmpty ? "ClusterIP" : spec.type ?? "ClusterIP"
        CommonRules.oneOf(spec.type, types, "spec.type", &context)
        let ports = spec.ports ?? []
        let isHeadless = spec.clusterIP == "None"
        if type == "ExternalName" {
            if (spec.externalName ?? "").isEmpty {
                context.required("spec.externalName")
            } else if let name = spec.externalName {
                for error in NameFormats.dns1123Subdomain(name.hasSuffix(".") ? String(name.dropLast()) : name) {
                    context.invalid("spec.externalName", name, error)
                }
            }
        } else if ports.isEmpty, !isHeadless {
            context.required("spec.ports")
        }
        var names = Set<String>()
        for (index, port) in ports.enumerated() {
            let portPath = FieldPath.index("spec.ports", index)
            let name = port.name ?? ""
            if ports.count > 1, name.isEmpty {
                context.required(FieldPath.child(portPath, "name"))
            } else if !name.isEmpty {
                for error in NameFormats.dns1123Label(name) { context.invalid(FieldPath.child(portPath, "name"), name, error) }
                if names.contains(name) { context.duplicate(FieldPath.child(portPath, "name"), name) }
                names.insert(name)
            }
            if port.port == 0 {
                if context.wasWritten(FieldPath.child(portPath, "port")) { context.required(FieldPath.child(portPath, "port")) }
            } else {
                CommonRules.portNumber(port.port, FieldPath.child(portPath, "port"), &context)
            }
            CommonRules.oneOf(port.protocol, ["SCTP", "TCP", "UDP"], FieldPath.child(portPath, "protocol"), &context)
            if let target = port.targetPort, target != .int(0) {
                CommonRules.portNumberOrName(target, FieldPath.child(portPath, "targetPort"), &context)
            }
            if let nodePort = port.nodePort, nodePort != 0 {
                if type != "NodePort", type != "LoadBalancer" {
                    context.forbidden(FieldPath.child(portPath, "nodePort"), "may not be used when `type` is '\(type)'")
                } else if nodePort < 30000 || nodePort > 32767 {
                    // The API server's default --service-node-port-range (portallocator's error text).
                    context.invalid(FieldPath.child(portPath, "nodePort"), number: Int64(nodePort),
                                    "provided port is not in the valid range. The range of valid ports is 30000-32767")
                }
            }
        }
        if type != "ExternalName" {
            ObjectMetaRules.checkLabels(spec.selector ?? [:], path: "spec.selector", &context)
        }
        CommonRules.oneOf(spec.sessionAffinity, ["ClientIP", "None"], "spec.sessionAffinity", &context)
        if let policy = spec.externalTrafficPolicy, !policy.isEmpty {
            if type == "ClusterIP" || type == "ExternalName" {
                context.invalid("spec.externalTrafficPolicy", policy, "may only be set for externally-accessible services")
            } else {
                CommonRules.oneOf(policy, ["Cluster", "Local"], "spec.externalTrafficPolicy", &context)
            }
        }
    }
}
