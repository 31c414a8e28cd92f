/// `ValidateIngressSpec`, `validateHTTPIngressPath`, `validateIngressBackend`
/// (pkg/apis/networking/validation/validation.go, v1.33.0).
enum IngressRules {
    static func check(_ spec: IngressSpec, _ context: inout RuleContext) {
        let rules = spec.rules ?? []
        if spec.defaultBackend == nil, rules.isEmpty {
            context.add("spec", "Invalid value: \"\": either `defaultBackend` or `rules` must be specified")
        }
        if let backend = spec.defaultBackend { checkBackend(backend, "spec.defaultBackend", &context) }
        if let className = spec.ingressClassName {
            for error in NameFormats.dns1123Subdomain(className) { context.invalid("spec.ingressClassName", className, error) }
        }
        for (index, rule) in rules.enumerated() {
            let rulePath = FieldPath.index("spec.rules", index)
            if let host = rule.host, !host.isEmpty {
                if host.split(separator: ".").count == 4, host.split(separator: ".").allSatisfy({ UInt8($0) != nil }) {
                    context.invalid(FieldPath.child(rulePath, "host"), host, "must be a DNS name, not an IP address")
                } else {
                    let checked = host.hasPrefix("*.") ? String(host.dropFirst(2)) : host
                    for error in NameFormats.dns1123Subdomain(checked) {
                        context.invalid(FieldPath.child(rulePath, "host"), host, error)
                    }
                }
            }
            guard let http = rule.http else { continue }
            let pathsPath = FieldPath.child(rulePath, "http.paths")
            if http.paths.isEmpty { context.required(pathsPath) }
            for (pathIndex, path) in http.paths.enumerated() {
                checkPath(path, FieldPath.index(pathsPath, pathIndex), &context)
            }
        }
        for (index, tls) in (spec.tls ?? []).enumerated() {
            for host in tls.hosts ?? [] where host.contains("*") && !host.hasPrefix("*.") {
                context.invalid(FieldPath.child(FieldPath.index("spec.tls", index), "hosts"), host, "wildcard must be the first label")
            }
        }
    }

    static let pathTypes = ["Exact", "ImplementationSpecific", "Prefix"]

    static func checkPath(_ path: HTTPIngressPath, _ fieldPath: String, _ context: inout RuleContext) {
        let typePath = FieldPath.child(fieldPath, "pathType")
        if path.pathType.isEmpty {
            context.required(typePath, "pathType must be specified")
        } else if !pathTypes.contains(path.pathType) {
            context.unsupported(typePath, path.pathType, pathTypes)
        }
        let value = path.path ?? ""
        if path.pathType == "Exact" || path.pathType == "Prefix" {
            if !value.hasPrefix("/") {
                context.invalid(FieldPath.child(fieldPath, "path"), value, "must be an absolute path")
            } else {
                for invalid in ["//", "/./", "/../", "%2f", "%2F"] where value.contains(invalid) {
                    context.invalid(FieldPath.child(fieldPath, "path"), value, "must not contain '\(invalid)'")
                }
            }
        } else if path.pathType == "ImplementationSpecific", !value.isEmpty, !value.hasPrefix("/") {
            context.invalid(FieldPath.child(fieldPath, "path"), value, "must be an absolute path")
        }
        checkBackend(path.backend, FieldPath.child(fieldPath, "backend"), &context)
    }

    static func checkBackend(_ backend: IngressBackend, _ path: String, _ context: inout RuleContext) {
        switch (backend.service, backend.resource) {
        case (nil, nil):
            context.add(path, "Invalid value: \"\": at least one backend must be specified")
        case (.some, .some):
            context.add(path, "Invalid value: \"\": cannot set both resource and service backends")
        case (let service?, nil):
            let servicePath = FieldPath.child(path, "service")
            if service.name.isEmpty {
                context.required(FieldPath.child(servicePath, "name"))
            } else {
                for error in NameFormats.dns1035Label(service.name) { context.invalid(FieldPath.child(servicePath, "name"), service.name, error) }
            }
            let portPath = FieldPath.child(servicePath, "port")
            let name = service.port?.name ?? "", number = service.port?.number ?? 0
            if !name.isEmpty, number != 0 {
                context.add(portPath, "Invalid value: \"\(name)\": cannot set both port name & port number")
            } else if !name.isEmpty {
                for error in NameFormats.portName(name) { context.invalid(FieldPath.child(portPath, "name"), name, error) }
            } else if number != 0 {
                CommonRules.portNumber(number, FieldPath.child(portPath, "number"), &context)
            } else {
                context.add(portPath, "Invalid value: \"\": port name or number is required")
            }
        case (nil, .some):
            break
        }
    }
}
