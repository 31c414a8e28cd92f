import KubeModel

/// Service accounts, RBAC objects, quotas, disruption budgets and priority classes as
/// `kubectl create serviceaccount|role|clusterrole|rolebinding|clusterrolebinding|quota|pdb|priorityclass`
/// build them (pkg/cmd/create, v1.33).
extension GeneratedObject {
    public static let rbacGroup = "rbac.authorization.k8s.io"

    public static func serviceAccount(name: String) -> JSONValue {
        object(apiVersion: "v1", kind: "ServiceAccount", metadata: metadata(name: name), [:])
    }

    /// `validResourceVerbs` of create_role.go.
    public static let roleVerbs: Set<String> = ["*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy",
                                                "deletecollection", "use", "bind", "escalate", "impersonate"]

    /// A `--resource` resolved to its API group: `pods`, `deploy` (short names expand), `deployments.apps`, `pods/log`.
    public struct RuleResource: Sendable, Equatable {
        public var group: String
        public var resource: String
    }

    /// Resources RBAC rules often name that the simulator does not store.
    static let ruleOnlyResources: [String: String] = [
        "endpoints": "", "replicationcontrollers": "", "podtemplates": "", "bindings": "",
        "endpointslices": "discovery.k8s.io", "leases": "coordination.k8s.io",
        "customresourcedefinitions": "apiextensions.k8s.io", "csinodes": "storage.k8s.io", "volumeattachments": "storage.k8s.io",
    ]

    /// Nil when the server has no such resource type (`the server doesn't have a resource type "x"`).
    public static func ruleResource(_ typed: String) -> RuleResource? {
        if typed == "*" { return RuleResource(group: "*", resource: "*") }
        let parts = typed.split(separator: "/", maxSplits: 1).map(String.init)
        guard let base = parts.first else { return nil }
        let subresource = parts.count > 1 ? "/" + parts[1] : ""
        if let known = ResourceName.resolve(base) { return RuleResource(group: known.group, resource: known.plural + subresource) }
        let pieces = base.split(separator: ".", maxSplits: 1).map(String.init)
        if let group = ruleOnlyResources[pieces[0]], pieces.count == 1 || pieces[1] == group {
            return RuleResource(group: group, resource: pieces[0] + subresource)
        }
        return nil
    }

    /// One rule per API group, groups in sorted order (`generateResourcePolicyRules`).
    public static func rules(verbs: [String], resources: [RuleResource], resourceNames: [String], nonResourceURLs: [String] = []) -> JSONValue {
        var byGroup: [String: [String]] = [:]
        for resource in resources where !(byGroup[resource.group]?.contains(resource.resource) ?? false) {
            byGroup[resource.group, default: []].append(resource.resource)
        }
        var rules: [JSONValue] = byGroup.keys.sorted().map { group in
            var rule: [String: JSONValue] = ["apiGroups": .array([.string(group)]),
                                             "resources": .array((byGroup[group] ?? []).map(JSONValue.string)),
                                             "verbs": .array(verbs.map(JSONValue.string))]
            if !resourceNames.isEmpty { rule["resourceNames"] = .array(resourceNames.map(JSONValue.string)) }
            return .object(rule)
        }
        if !nonResourceURLs.isEmpty {
            rules.append(.object(["nonResourceURLs": .array(nonResourceURLs.map(JSONValue.string)), "verbs": .array(verbs.map(JSONValue.string))]))
        }
        return .array(rules)
    }

    public static func role(kind: String, name: String, rules: JSONValue) -> JSONValue {
        object(apiVersion: "\(rbacGroup)/v1", kind: kind, metadata: metadata(name: name), ["rules": rules])
    }

    /// A subject of a binding: users and groups in the RBAC group, service accounts with their namespace.
    public enum Subject: Sendable, Equatable {
        case user(String), group(String), serviceAccount(namespace: String, name: String)

        var json: JSONValue {
            switch self {
            case .user(let name): .object(["apiGroup": .string(GeneratedObject.rbacGroup), "kind": .string("User"), "name": .string(name)])
            case .group(let name): .object(["apiGroup": .string(GeneratedObject.rbacGroup), "kind": .string("Group"), "name": .string(name)])
            case .serviceAccount(let namespace, let name):
                .object(["kind": .string("ServiceAccount"), "name": .string(name), "namespace": .string(namespace)])
            }
        }
    }

    public static func binding(kind: String, name: String, roleKind: String, role: String, subjects: [Subject]) -> JSONValue {
        var fields: [String: JSONValue] = ["roleRef": .object(["apiGroup": .string(rbacGroup), "kind": .string(roleKind), "name": .string(role)])]
        if !subjects.isEmpty { fields["subjects"] = .array(subjects.map(\.json)) }
        return object(apiVersion: "\(rbacGroup)/v1", kind: kind, metadata: metadata(name: name), fields)
    }

    /// `kubectl create quota --hard=cpu=1,pods=2 [--scopes=BestEffort]`.
    public static func quota(name: String, hard: [(String, String)], scopes: [String]) -> JSONValue {
        var spec: [String: JSONValue] = [:]
        if !hard.isEmpty { spec["hard"] = .object(Dictionary(hard.map { ($0.0, JSONValue.string($0.1)) }) { _, last in last }) }
        if !scopes.isEmpty { spec["scopes"] = .array(scopes.map(JSONValue.string)) }
        return object(apiVersion: "v1", kind: "ResourceQuota", metadata: metadata(name: name), ["spec": .object(spec), "status": .object([:])])
    }

    /// `kubectl create pdb --selector=app=web --min-available=1|50%` (or `--max-unavailable`); the
    /// status counters are plain ints upstream, so they print as 0.
    public static func disruptionBudget(name: String, selector: [String: String], minAvailable: String?, maxUnavailable: String?) -> JSONValue {
        func intOrString(_ text: String) -> JSONValue { Int(text).map { .int(Int64($0)) } ?? .string(text) }
        var spec: [String: JSONValue] = ["selector": .object(["matchLabels": strings(selector)])]
        if let minAvailable { spec["minAvailable"] = intOrString(minAvailable) }
        if let maxUnavailable { spec["maxUnavailable"] = intOrString(maxUnavailable) }
        let status: JSONValue = .object(["currentHealthy": .int(0), "desiredHealthy": .int(0), "disruptionsAllowed": .int(0), "expectedPods": .int(0)])
        return object(apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: metadata(name: name), ["spec": .object(spec), "status": status])
    }

    /// `kubectl create priorityclass --value=1000 [--global-default] [--description=…]`.
    public static func priorityClass(name: String, value: Int, globalDefault: Bool, description: String?, preemptionPolicy: String) -> JSONValue {
        var fields: [String: JSONValue] = ["value": .int(Int64(value)), "preemptionPolicy": .string(preemptionPolicy)]
        if globalDefault { fields["globalDefault"] = .bool(true) }
        if let description, !description.isEmpty { fields["description"] = .string(description) }
        return object(apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: metadata(name: name), fields)
    }
}
