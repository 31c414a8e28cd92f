/// `ValidateObjectMeta` (k8s.io/apimachinery/pkg/api/validation/objectmeta.go) with the name
/// function each kind uses in pkg/apis/*/validation (v1.33.0).
enum ObjectMetaRules {
    enum NameFormat {
        case dnsSubdomain, dnsLabel, dns1035Label, pathSegment
    }

    /// Upstream's `ValidateXName` per kind: Service names are DNS-1035 labels (ValidateServiceName),
    /// Namespaces DNS labels (ValidateNamespaceName), RBAC objects path segments (ValidateRBACName),
    /// everything else here DNS subdomains.
    static func nameFormat(kind: String) -> NameFormat {
        switch kind {
        case "Service": return .dns1035Label
        case "Namespace": return .dnsLabel
        case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding": return .pathSegment
        default: return .dnsSubdomain
        }
    }

    static func check(_ meta: ObjectMeta, kind: String, namespaced: Bool, _ context: inout RuleContext) {
        let name = meta.name ?? ""
        if name.isEmpty, (meta.generateName ?? "").isEmpty {
            context.required("metadata.name", "name or generateName is required")
        } else if !name.isEmpty {
            let errors: [String]
            switch nameFormat(kind: kind) {
            case .dnsSubdomain: errors = NameFormats.dns1123Subdomain(name)
            case .dnsLabel: errors = NameFormats.dns1123Label(name)
            case .dns1035Label: errors = NameFormats.dns1035Label(name)
            case .pathSegment: errors = NameFormats.pathSegmentName(name)
            }
            for error in errors { context.invalid("metadata.name", name, error) }
        }
        if let namespace = meta.namespace, !namespace.isEmpty, namespaced {
            for error in NameFormats.dns1123Label(namespace) { context.invalid("metadata.namespace", namespace, error) }
        }
        checkLabels(meta.labels ?? [:], path: "metadata.labels", &context)
        for key in (meta.annotations ?? [:]).keys.sorted() {
            for error in NameFormats.qualifiedName(key.lowercased()) { context.invalid("metadata.annotations", key, error) }
        }
    }

    /// `ValidateLabels` (apimachinery/pkg/apis/meta/v1/validation): keys are qualified names, values label values.
    static func checkLabels(_ labels: [String: String], path: String, _ context: inout RuleContext) {
        for key in labels.keys.sorted() {
            for error in NameFormats.qualifiedName(key) { context.invalid(path, key, error) }
            let value = labels[key] ?? ""
            for error in NameFormats.labelValue(value) { context.invalid(FieldPath.key(path, key), value, error) }
        }
    }
}
