/// `explain <kind>[.field.path]`, shaped like `kubectl explain` output: kind, version, the field's type,
/// a description, and its own fields.
public struct Explainer: Sendable {
    public var schema: KubeSchema

    public init(schema: KubeSchema = .bundled) { self.schema = schema }

    /// kubectl's short names and plurals for the modelled kinds.
    static let aliases: [String: String] = [
        "po": "Pod", "pods": "Pod", "svc": "Service", "services": "Service", "cm": "ConfigMap", "configmaps": "ConfigMap",
        "secrets": "Secret", "ns": "Namespace", "namespaces": "Namespace", "pv": "PersistentVolume", "persistentvolumes": "PersistentVolume",
        "pvc": "PersistentVolumeClaim", "persistentvolumeclaims": "PersistentVolumeClaim", "quota": "ResourceQuota",
        "resourcequotas": "ResourceQuota", "limits": "LimitRange", "limitranges": "LimitRange", "sa": "ServiceAccount",
        "serviceaccounts": "ServiceAccount", "no": "Node", "nodes": "Node", "ev": "Event", "events": "Event",
        "ep": "Endpoints", "endpoints": "Endpoints", "endpointslices": "EndpointSlice",
        "deploy": "Deployment", "deployments": "Deployment", "rs": "ReplicaSet", "replicasets": "ReplicaSet",
        "sts": "StatefulSet", "statefulsets": "StatefulSet", "ds": "DaemonSet", "daemonsets": "DaemonSet", "jobs": "Job",
        "cj": "CronJob", "cronjobs": "CronJob", "ing": "Ingress", "ingresses": "Ingress", "ingressclasses": "IngressClass",
        "netpol": "NetworkPolicy", "networkpolicies": "NetworkPolicy", "sc": "StorageClass", "storageclasses": "StorageClass",
        "hpa": "HorizontalPodAutoscaler", "horizontalpodautoscalers": "HorizontalPodAutoscaler", "pdb": "PodDisruptionBudget",
        "poddisruptionbudgets": "PodDisruptionBudget", "pc": "PriorityClass", "priorityclasses": "PriorityClass",
        "roles": "Role", "clusterroles": "ClusterRole", "rolebindings": "RoleBinding", "clusterrolebindings": "ClusterRoleBinding",
    ]

    public enum Failure: Error, CustomStringConvertible {
        case unknownKind(String, suggestion: String?)
        case unknownField(String, path: String, suggestion: String?)
        public var description: String {
            switch self {
            case .unknownKind(let kind, let suggestion):
                return "the server doesn't have a resource type \"\(kind)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
            case .unknownField(let field, let path, let suggestion):
                return "field \"\(field)\" does not exist in \(path)" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
            }
        }
    }

    /// Finds the kind named by `word` (case-insensitive kind, plural or short name).
    public func kind(named word: String, apiVersion: String? = nil) -> KindInfo? {
        let lowered = word.lowercased()
        let kindName = Self.aliases[lowered] ?? schema.kinds.first { $0.kind.lowercased() == lowered }?.kind
        guard let kindName else { return nil }
        return schema.kinds.first { $0.kind == kindName && (apiVersion == nil || $0.apiVersion == apiVersion) }
    }

    /// The text for `target`, such as `deployment`, `deploy.spec.strategy` or `pod.spec.containers.image`.
    public func explain(_ target: String, apiVersion: String? = nil) throws -> String {
        let parts = target.split(separator: ".").map(String.init)
        guard let first = parts.first, let info = kind(named: first, apiVersion: apiVersion) else {
            let word = parts.first ?? target
            let suggestion = KubedrillSupportBridge.closest(word, Set(schema.kinds.map(\.kind)).union(Self.aliases.keys))
            throw Failure.unknownKind(word, suggestion: suggestion)
        }
        var typeName = info.typeName
        var fieldType = FieldType.object(info.typeName)
        var walked = info.kind
        var fieldName: String?
        for field in parts.dropFirst() {
            guard let type = schema.types[typeName], let next = type.fields[field] else {
                let candidates = schema.types[typeName]?.fieldNames ?? []
                throw Failure.unknownField(field, path: walked, suggestion: KubedrillSupportBridge.closest(field, Set(candidates)))
            }
            fieldName = field
            fieldType = next
            walked += "." + field
            if let objectName = Self.objectName(next) { typeName = objectName }
        }
        let (group, version) = Self.split(info.apiVersion)
        var lines: [String] = []
        if !group.isEmpty { lines.append("GROUP:      \(group)") }
        lines.append("KIND:       \(info.kind)")
        lines.append("VERSION:    \(version)")
        lines.append("")
        var description = FieldDocs.text(kind: info.kind)
        if let fieldName {
            let parentType = parts.count > 2 ? parentTypeName(info: info, parts: Array(parts.dropFirst().dropLast())) : info.typeName
            lines.append("FIELD: \(fieldName) <\(Self.display(fieldType))>")
            lines.append("")
            description = FieldDocs.text(type: parentType, field: fieldName)
        }
        lines.append("DESCRIPTION:")
        lines.append("    " + (description ?? "(kubedrill has no description of this field yet; see kubectl explain)"))
        if Self.objectName(fieldType) != nil, let type = schema.types[typeName] {
            lines.append("")
            lines.append("FIELDS:")
            for name in type.fieldNames {
                guard let field = type.fields[name] else { continue }
                let required = type.required.contains(name) ? " -required-" : ""
                lines.append("  \(name)\t<\(Self.display(field))>\(required)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func parentTypeName(info: KindInfo, parts: [String]) -> String {
        var typeName = info.typeName
        for field in parts {
            guard let next = schema.types[typeName]?.fields[field], let objectName = Self.objectName(next) else { break }
            typeName = objectName
        }
        return typeName
    }

    static func objectName(_ type: FieldType) -> String? {
        switch type {
        case .object(let name): return name
        case .list(let element), .map(let element): return objectName(element)
        default: return nil
        }
    }

    static func split(_ apiVersion: String) -> (group: String, version: String) {
        let parts = apiVersion.split(separator: "/").map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : ("", apiVersion)
    }

    /// kubectl's type names: `string`, `integer`, `[]Container`, `map[string]string`, `IntOrString`, `Quantity`.
    static func display(_ type: FieldType) -> String {
        switch type {
        case .string, .time, .bytes: return "string"
        case .int32, .int64: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .intOrString: return "IntOrString"
        case .quantity: return "Quantity"
        case .any: return "Object"
        case .object(let name): return String(name.split(separator: ".").last ?? Substring(name))
        case .list(let element): return "[]" + display(element)
        case .map(let element): return "map[string]" + display(element)
        }
    }
}

import KubedrillSupport

enum KubedrillSupportBridge {
    static func closest(_ word: String, _ candidates: Set<String>) -> String? {
        Suggest.closest(to: word, among: candidates.sorted())
    }
}
